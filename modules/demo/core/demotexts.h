#pragma once

#include <QStringList>

namespace nara::demo {

// Swedish names and realistic thread texts for the demo region (no real persons).
struct ThreadTemplate
{
    const char *title;
    const char *priority; // stat | asap | urgent | routine
    const char *reason;
    const char *role; // who usually handles it: nurse | gp | physio | municipal_nurse
    QStringList patientLines; // what the patient writes, in order
    QStringList staffLines; // what staff answer, in order
};

const QStringList &womenNames();
const QStringList &menNames();
const QStringList &surnames();
const QList<ThreadTemplate> &threadTemplates();

} // namespace nara::demo

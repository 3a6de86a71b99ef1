#pragma once

#include "workstation/ui/inboxstore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

class QDialog;
class QWidget;

namespace nara::workstation {

// Every modal question the workstation asks goes through here, so tests can answer it in advance
// and never block (KeePassXC's MessageBox::setNextAnswer).
//
//   Dialogs::setNextAnswer(QStringLiteral("staff-2")); // the colleague picked in the next dialog
//   window.assignAction()->trigger();
class Dialogs
{
    Q_DECLARE_TR_FUNCTIONS(nara::workstation::Dialogs)

public:
    // Queue an answer for the next dialog: a QString for a pick or a text, a bool for a
    // confirmation, anything for a dialog that only informs. An invalid QVariant means "Cancel".
    static void setNextAnswer(QVariant answer);
    static void clearAnswers();
    static int queuedAnswers();
    // In non-interactive mode (tests) a dialog without a queued answer is cancelled, not shown.
    static void setNonInteractive(bool on);

    // A colleague's staff id, or nullopt when cancelled.
    static std::optional<QString> pickColleague(QWidget *parent, const QList<StaffInfo> &staff, const QString &title);
    // A text (empty not accepted when required), or nullopt when cancelled.
    static std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label, bool required);
    static bool confirm(QWidget *parent, const QString &title, const QString &text);
    static void inform(QWidget *parent, const QString &title, const QString &text);
    // Runs an already built dialog modally, unless an answer was queued. Returns QDialog's result.
    static int run(QDialog &dialog);

private:
    static std::optional<QVariant> takeAnswer();
};

} // namespace nara::workstation

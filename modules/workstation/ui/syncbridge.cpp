#include "workstation/ui/syncbridge.h"

#include "sync/core/localcache.h"
#include "sync/core/syncengine.h"
#include "video/ui/videopane.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/itemcommands.h"
#include "workstation/ui/mainwindow.h"

#include <QStatusBar>

namespace nara::workstation {

SyncBridge::SyncBridge(sync::SyncEngine &engine, sync::LocalCache &cache, InboxStore &store, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_cache(cache)
    , m_store(store)
{
    connect(&m_engine, &sync::SyncEngine::itemsChanged, this,
            [this](const QList<inbox::InboxItem> &items) { m_store.upsert(items); });
    connect(&m_engine, &sync::SyncEngine::messagesChanged, this,
            [this](const QList<chat::ChatMessage> &messages) { m_store.upsertMessages(messages); });
    connect(&m_engine, &sync::SyncEngine::recordsChanged, this,
            [this](const QList<sync::CachedRecord> &records) { m_store.upsertRecords(records); });
    connect(&m_engine, &sync::SyncEngine::referenceDataChanged, this, [this] {
        if (auto loaded = loadReferenceData(); !loaded)
            qWarning("Reloading reference data failed: %s", qPrintable(loaded.error().message));
    });
    connect(&m_engine, &sync::SyncEngine::cacheReset, this, [this] {
        if (auto loaded = loadAll(); !loaded)
            qWarning("Reloading the cache failed: %s", qPrintable(loaded.error().message));
    });
    m_store.setMessageLoader([this](const QString &itemId) {
        auto messages = m_cache.messages(itemId);
        return messages ? *messages : QList<chat::ChatMessage>();
    });
}

SyncBridge::~SyncBridge() = default;

QString SyncBridge::formatPersonalNumber(const QString &digits)
{
    if (digits.size() != 12)
        return digits;
    return digits.left(8) % u'-' % digits.mid(8);
}

Result<void> SyncBridge::loadReferenceData()
{
    auto patients = m_cache.patients();
    if (!patients)
        return fail(patients.error());
    auto staff = m_cache.staff();
    if (!staff)
        return fail(staff.error());
    auto marks = m_cache.readMarks();
    if (!marks)
        return fail(marks.error());

    QHash<QString, PatientInfo> patientInfo;
    patientInfo.reserve(patients->size());
    for (const sync::CachedPatient &patient : std::as_const(*patients))
        patientInfo.insert(patient.id, {patient.name, formatPersonalNumber(patient.personalNumber)});
    QList<StaffInfo> staffInfo;
    for (const sync::CachedStaff &member : std::as_const(*staff))
        staffInfo.append({member.id, member.username, member.displayName, member.role, member.unitIds});
    m_store.setPatients(std::move(patientInfo));
    m_store.setStaff(std::move(staffInfo));
    m_store.setReadMarks(std::move(*marks));
    return {};
}

Result<void> SyncBridge::loadAll()
{
    auto items = m_cache.items();
    if (!items)
        return fail(items.error());
    if (auto reference = loadReferenceData(); !reference)
        return reference;
    QList<sync::CachedRecord> records;
    for (const QString &entity : sync::LocalCache::recordEntities()) {
        auto stored = m_cache.records(entity);
        if (!stored)
            return fail(stored.error());
        records += *stored;
    }
    m_store.resetRecords(sync::LocalCache::recordEntities(), records);
    m_store.reset(std::move(*items));
    return {};
}

void SyncBridge::attach(MainWindow &window)
{
    connect(&m_engine, &sync::SyncEngine::stateChanged, &window, &MainWindow::setSyncState);
    connect(&m_engine, &sync::SyncEngine::writeDelivered, window.commands(), &ItemCommands::writeDelivered);
    connect(&m_engine, &sync::SyncEngine::writeRejected, window.commands(), &ItemCommands::writeRejected);
    connect(&m_engine, &sync::SyncEngine::writeRejected, window.videoPane(),
            [pane = window.videoPane()](const QString &writeId, const Error &error) {
                pane->writeRejected(writeId, error.message);
            });
    connect(&m_engine, &sync::SyncEngine::writeRejected, &window,
            [&window](const QString &writeId, const Error &error) { window.writeRejected(writeId, error); });
    connect(&m_engine, &sync::SyncEngine::writeDelivered, window.detailPanes(), &DetailPanes::writeDelivered);
    connect(&m_engine, &sync::SyncEngine::cacheProblem, &window, [&window](const Error &error) {
        window.statusBar()->showMessage(MainWindow::tr("Local cache problem: %1").arg(error.message));
    });
}

void SyncBridge::submit(const sync::PendingWrite &write)
{
    sync::SyncEngine *engine = &m_engine;
    QMetaObject::invokeMethod(
        engine, [engine, write] { engine->submit(write); }, Qt::QueuedConnection);
}

void SyncBridge::refresh()
{
    QMetaObject::invokeMethod(&m_engine, &sync::SyncEngine::syncNow, Qt::QueuedConnection);
}

} // namespace nara::workstation

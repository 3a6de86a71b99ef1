#include "workstation/ui/inboxmodel.h"

#include "inbox/core/lifecycle.h"

#include "foundation/core/clock.h"
#include "inbox/core/inboxitem.h"
#include "video/ui/videopane.h"
#include "workstation/ui/inboxstore.h"

#include <QBrush>
#include <QColor>

namespace nara::workstation {

using inbox::InboxItem;

InboxModel::InboxModel(InboxStore &store, const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_clock(clock)
    , m_nowMs(clock.nowMs())
{
    retranslate();
    m_unreadFont.setBold(true);
    m_dueTexts.resize(m_store.count());
    m_waitingTexts.resize(m_store.count());

    connect(&m_store, &InboxStore::aboutToAppend, this,
            [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(&m_store, &InboxStore::appended, this, [this] {
        m_dueTexts.resize(m_store.count());
        m_waitingTexts.resize(m_store.count());
        endInsertRows();
    });
    connect(&m_store, &InboxStore::rowsChanged, this,
            [this](int first, int last) { Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1)); });
    connect(&m_store, &InboxStore::aboutToReset, this, [this] { beginResetModel(); });
    connect(&m_store, &InboxStore::resetDone, this, [this] {
        m_dueTexts = QList<TimeText>(m_store.count());
        m_waitingTexts = QList<TimeText>(m_store.count());
        endResetModel();
    });

    m_timer.setInterval(kRefreshIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &InboxModel::refreshNow);
    m_timer.start();
}

InboxModel::~InboxModel() = default;

void InboxModel::retranslate()
{
    m_priorityNames[0] = tr("Stat");
    m_priorityNames[1] = tr("ASAP");
    m_priorityNames[2] = tr("Urgent");
    m_priorityNames[3] = tr("Routine");
    m_kindNames[0] = tr("Chat");
    m_kindNames[1] = tr("Video");
    m_kindNames[2] = tr("Form");
    m_kindNames[3] = tr("Alert");
    m_kindNames[4] = tr("Referral");
    m_kindNames[5] = tr("Report");
    m_stateNames[0] = tr("New");
    m_stateNames[1] = tr("Claimed");
    m_stateNames[2] = tr("In progress");
    m_stateNames[3] = tr("Waiting");
    m_stateNames[4] = tr("Done");
    m_waitingOnPatient = tr("Waiting for patient");
    m_clockPaused = tr("paused");
    m_waitingOnColleague = tr("Waiting for colleague");
    m_pool = tr("Pool");
    m_unreadMark = QStringLiteral("\u25CF");
}

void InboxModel::refreshNow()
{
    m_nowMs = m_clock.nowMs();
    if (m_store.count() > 0)
        Q_EMIT dataChanged(index(0, Waiting), index(m_store.count() - 1, Due));
}

int InboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_store.count();
}

int InboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString InboxModel::durationText(qint64 ms)
{
    const qint64 minutes = ms / 60'000;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    if (minutes < 24 * 60)
        return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    return tr("%1 d %2 h").arg(minutes / (24 * 60)).arg((minutes / 60) % 24);
}

QString InboxModel::dueText(qint64 nowMs, qint64 dueAtMs)
{
    if (dueAtMs > nowMs) {
        // Round the time left up, so "in 0 min" is never shown while time remains.
        return tr("in %1").arg(durationText(((dueAtMs - nowMs + 59'999) / 60'000) * 60'000));
    }
    return tr("overdue %1").arg(durationText(nowMs - dueAtMs));
}

const QString &InboxModel::cachedText(QList<TimeText> &cache, int row, qint64 at, bool countdown) const
{
    TimeText &entry = cache[row];
    if (entry.now != m_nowMs || entry.at != at) {
        entry.now = m_nowMs;
        entry.at = at;
        entry.text = countdown ? dueText(m_nowMs, at) : durationText(std::max<qint64>(0, m_nowMs - at));
    }
    return entry.text;
}

bool InboxModel::isOverdue(int row) const
{
    return inbox::isOverdue(m_store.row(row).item, m_nowMs);
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const InboxStore::Row &entry = m_store.row(row);
    const InboxItem &item = entry.item;
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Priority: return m_priorityNames[int(item.priority)];
        case Kind: return m_kindNames[int(item.kind)];
        case Patient: return entry.patientText;
        case Title:
            if (entry.visitStartsAt > 0) // a video visit: its time first
                return QString(video::VideoPane::timeText(entry.visitStartsAt, m_nowMs) % u"  " % item.title);
            return item.title;
        case State:
            if (entry.visitWaitingSince > 0)
                return tr("waiting since %1").arg(video::VideoPane::timeText(entry.visitWaitingSince, m_nowMs));
            if (item.state == inbox::State::Waiting && item.waitingOn == inbox::WaitingOn::Patient)
                return m_waitingOnPatient;
            if (item.state == inbox::State::Waiting && item.waitingOn == inbox::WaitingOn::Colleague)
                return m_waitingOnColleague;
            return m_stateNames[int(item.state)];
        case Owner: return item.ownerId.isEmpty() ? m_pool : entry.ownerText;
        case Waiting: return cachedText(m_waitingTexts, row, item.createdAt, false);
        case Due:
            if (item.state == inbox::State::Done || item.dueAt <= 0)
                return {};
            if (item.state == inbox::State::Waiting && item.waitingOn == inbox::WaitingOn::Patient)
                return m_clockPaused; // the patient acts next
            return cachedText(m_dueTexts, row, item.dueAt, true);
        case Unread: return entry.unread ? m_unreadMark : QVariant();
        }
        return {};
    case SortRole:
        switch (column) {
        // Medical priority first, then the longest waiting (DESIGN.md §2); createdAt < 2^42.
        case Priority: return (qint64(inbox::priorityRank(item.priority)) << 42) + item.createdAt;
        case Kind: return int(item.kind);
        case Patient: return entry.patientText;
        case Title: return item.title;
        case State: return int(item.state);
        case Owner: return entry.ownerText;
        case Waiting: return item.createdAt;
        case Due: return item.dueAt > 0 ? item.dueAt : std::numeric_limits<qint64>::max();
        case Unread: return entry.unread ? 0 : 1;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == Priority)
            return item.priorityReason;
        if (entry.visitStartsAt > 0 && (column == Title || column == State)) {
            const QString at = tr("Video visit at %1").arg(video::VideoPane::timeText(entry.visitStartsAt, m_nowMs));
            if (entry.visitWaitingSince == 0)
                return at;
            return tr("%1; the patient is waiting since %2")
                .arg(at, video::VideoPane::timeText(entry.visitWaitingSince, m_nowMs));
        }
        if (column == Title || column == Patient)
            return data(index, Qt::DisplayRole);
        return {};
    case Qt::FontRole: return entry.unread ? QVariant(m_unreadFont) : QVariant();
    case Qt::ForegroundRole:
        if (column == Due && isOverdue(row))
            return QBrush(QColor(0xb0, 0x00, 0x20));
        if (column == Priority && item.priority == inbox::Priority::Stat)
            return QBrush(QColor(0xb0, 0x00, 0x20));
        return {};
    case Qt::AccessibleTextRole:
        if (column == Unread)
            return entry.unread ? tr("Unread") : tr("Read");
        return data(index, Qt::DisplayRole);
    case IdRole: return item.id;
    case KindRole: return int(item.kind);
    case StateRole: return int(item.state);
    case PriorityRole: return int(item.priority);
    case OwnerRole: return item.ownerId;
    case PatientIdRole: return item.patientId;
    case OverdueRole: return isOverdue(row);
    case UnreadRole: return entry.unread;
    case SearchTextRole: return entry.searchText;
    default: return {};
    }
}

QVariant InboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Priority: return tr("Priority");
    case Kind: return tr("Kind");
    case Patient: return tr("Patient");
    case Title: return tr("Subject");
    case State: return tr("Status");
    case Owner: return tr("Owner");
    case Waiting: return tr("Waiting");
    case Due: return tr("Due");
    case Unread: return role == Qt::ToolTipRole ? tr("Unread") : QStringLiteral("\u25CF");
    }
    return {};
}

QHash<int, QByteArray> InboxModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(IdRole, "itemId");
    names.insert(KindRole, "kind");
    names.insert(StateRole, "state");
    names.insert(PriorityRole, "priority");
    names.insert(OwnerRole, "ownerId");
    names.insert(PatientIdRole, "patientId");
    names.insert(OverdueRole, "overdue");
    names.insert(UnreadRole, "unread");
    names.insert(SearchTextRole, "searchText");
    return names;
}

} // namespace nara::workstation

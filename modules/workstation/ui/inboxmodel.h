#pragma once

#include <QAbstractTableModel>
#include <QFont>
#include <QList>
#include <QTimer>

namespace nara {
class Clock;
}

namespace nara::workstation {

class InboxStore;

// The inbox as a table: a thin adapter over InboxStore (rows map 1:1 to the store's rows). Display
// text is derived once per item in the store, or per visible row and minute for the countdowns, so
// data() allocates nothing on the hot path and 100 000 rows scroll smoothly.
class InboxModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxModel)
public:
    enum Column { Priority, Kind, Patient, Title, State, Owner, Waiting, Due, Unread, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw value for sorting, next to the display text
        IdRole,
        KindRole, // int(inbox::Kind)
        StateRole, // int(inbox::State)
        PriorityRole, // int(inbox::Priority)
        OwnerRole, // owner staff id, empty for the pool
        PatientIdRole,
        OverdueRole, // bool
        UnreadRole, // bool
        SearchTextRole, // lower-case title, patient name and personnummer
    };

    static constexpr int kRefreshIntervalMs = 60'000;

    InboxModel(InboxStore &store, const Clock &clock, QObject *parent = nullptr);
    ~InboxModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    InboxStore &store() const { return m_store; }
    qint64 nowMs() const { return m_nowMs; }
    // Reads the clock and refreshes the time columns (the timer calls this once a minute).
    void refreshNow();

    // "in 2 h 5 min" / "overdue 12 min"; "2 h 5 min" for a duration.
    static QString dueText(qint64 nowMs, qint64 dueAtMs);
    static QString durationText(qint64 ms);

private:
    struct TimeText
    {
        qint64 now = -1;
        qint64 at = -1;
        QString text;
    };
    const QString &cachedText(QList<TimeText> &cache, int row, qint64 at, bool countdown) const;
    bool isOverdue(int row) const;
    void retranslate();

    InboxStore &m_store;
    const Clock &m_clock;
    qint64 m_nowMs = 0;
    QTimer m_timer;
    QFont m_unreadFont;
    QString m_priorityNames[4];
    QString m_kindNames[6];
    QString m_stateNames[5];
    QString m_waitingOnPatient;
    QString m_clockPaused;
    QString m_waitingOnColleague;
    QString m_pool;
    QString m_unreadMark;
    mutable QList<TimeText> m_dueTexts;
    mutable QList<TimeText> m_waitingTexts;
};

} // namespace nara::workstation

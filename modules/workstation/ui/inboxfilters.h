#pragma once

#include "inbox/core/inboxitem.h"

#include <QSet>
#include <QSortFilterProxyModel>

// One QSortFilterProxyModel per filter axis (CONVENTIONS.md, Models and widgets). They read the
// InboxModel's roles, so they can be chained in any order; the last one in the chain sorts.
// They live in one header because each is a handful of lines of one responsibility: filtering.
// A changed filter calls invalidate() (one layoutChanged) rather than invalidateRowsFilter(): in a
// chain at 100 000 rows, thousands of separate row removals would each cost the proxies above
// O(n), one layout change costs them one re-map.
namespace nara::workstation {

class KindFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    // nullopt: every kind.
    void setKind(std::optional<inbox::Kind> kind);
    std::optional<inbox::Kind> kind() const { return m_kind; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<inbox::Kind> m_kind;
};

class StateFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    // Empty: every state.
    void setStates(QSet<inbox::State> states);
    QSet<inbox::State> states() const { return m_states; }
    static QSet<inbox::State> openStates();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QSet<inbox::State> m_states;
};

class OwnershipProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Scope { All, Mine, Pool, MineAndPool };
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setCurrentStaff(const QString &staffId);
    void setScope(Scope scope);
    Scope scope() const { return m_scope; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_staffId;
    Scope m_scope = Scope::All;
};

class UnreadOverdueProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setUnreadOnly(bool on);
    void setOverdueOnly(bool on);
    bool unreadOnly() const { return m_unreadOnly; }
    bool overdueOnly() const { return m_overdueOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_unreadOnly = false;
    bool m_overdueOnly = false;
};

// Case-insensitive search in title, patient name and personnummer (with or without the dash).
class TextSearchProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setSearchText(const QString &text);
    QString searchText() const { return m_needle; }
    // Sorting done further down the chain, next to the source model: the view's sort requests go
    // there, so a change of filter only filters and 100 000 rows are not sorted again.
    void setSortingProxy(QSortFilterProxyModel *sorter) { m_sorter = sorter; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_needle;
    QSortFilterProxyModel *m_sorter = nullptr;
};

} // namespace nara::workstation

#include "workstation/ui/inboxfilters.h"

#include "workstation/ui/inboxmodel.h"

namespace nara::workstation {

namespace {

QVariant sourceValue(const QSortFilterProxyModel &proxy, int sourceRow, const QModelIndex &parent, int role,
                     int column = 0)
{
    return proxy.sourceModel()->data(proxy.sourceModel()->index(sourceRow, column, parent), role);
}

} // namespace

void KindFilterProxy::setKind(std::optional<inbox::Kind> kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidate();
}

bool KindFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return !m_kind || sourceValue(*this, sourceRow, sourceParent, InboxModel::KindRole).toInt() == int(*m_kind);
}

QSet<inbox::State> StateFilterProxy::openStates()
{
    return {inbox::State::New, inbox::State::Claimed, inbox::State::InProgress, inbox::State::Waiting};
}

void StateFilterProxy::setStates(QSet<inbox::State> states)
{
    if (states == m_states)
        return;
    m_states = std::move(states);
    invalidate();
}

bool StateFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_states.isEmpty())
        return true;
    const int state = sourceValue(*this, sourceRow, sourceParent, InboxModel::StateRole).toInt();
    return m_states.contains(inbox::State(state));
}

void OwnershipProxy::setCurrentStaff(const QString &staffId)
{
    m_staffId = staffId;
    invalidate();
}

void OwnershipProxy::setScope(Scope scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    invalidate();
}

bool OwnershipProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_scope == Scope::All)
        return true;
    const QString owner = sourceValue(*this, sourceRow, sourceParent, InboxModel::OwnerRole).toString();
    const bool mine = !owner.isEmpty() && owner == m_staffId;
    switch (m_scope) {
    case Scope::Mine: return mine;
    case Scope::Pool: return owner.isEmpty();
    case Scope::MineAndPool: return mine || owner.isEmpty();
    case Scope::All: return true;
    }
    return true;
}

void UnreadOverdueProxy::setUnreadOnly(bool on)
{
    if (on == m_unreadOnly)
        return;
    m_unreadOnly = on;
    invalidate();
}

void UnreadOverdueProxy::setOverdueOnly(bool on)
{
    if (on == m_overdueOnly)
        return;
    m_overdueOnly = on;
    invalidate();
}

bool UnreadOverdueProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_unreadOnly && !sourceValue(*this, sourceRow, sourceParent, InboxModel::UnreadRole).toBool())
        return false;
    // Read from the Due column: the once-a-minute refresh reports changes there.
    if (m_overdueOnly
        && !sourceValue(*this, sourceRow, sourceParent, InboxModel::OverdueRole, InboxModel::Due).toBool())
        return false;
    return true;
}

void TextSearchProxy::setSearchText(const QString &text)
{
    const QString needle = text.trimmed().toLower();
    if (needle == m_needle)
        return;
    m_needle = needle;
    invalidate();
}

void TextSearchProxy::sort(int column, Qt::SortOrder order)
{
    if (m_sorter)
        m_sorter->sort(column, order);
    else
        QSortFilterProxyModel::sort(column, order);
}

bool TextSearchProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_needle.isEmpty())
        return true;
    return sourceValue(*this, sourceRow, sourceParent, InboxModel::SearchTextRole).toString().contains(m_needle);
}

} // namespace nara::workstation

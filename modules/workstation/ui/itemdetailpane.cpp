#include "workstation/ui/itemdetailpane.h"

#include "inbox/core/inboxitem.h"
#include "workstation/ui/chatthreadmodel.h"
#include "workstation/ui/inboxstore.h"

#include "foundation/ui/panewidgets.h"
#include <QCheckBox>
#include <QHBoxLayout>

#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace nara::workstation {

ItemDetailPane::ItemDetailPane(InboxStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_thread(new ChatThreadModel(store, this))
{
    setObjectName(QStringLiteral("detailPane"));

    m_header = ui::makeHeaderLabel(this, QStringLiteral("itemHeader"));

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("itemDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);

    m_threadView = new QListView(this);
    m_threadView->setObjectName(QStringLiteral("threadView"));
    m_threadView->setAccessibleName(tr("Messages"));
    m_threadView->setModel(m_thread);
    m_threadView->setWordWrap(true);
    m_threadView->setSpacing(4);
    m_threadView->setSelectionMode(QAbstractItemView::NoSelection);
    m_threadView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_threadView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_threadView->setResizeMode(QListView::Adjust);
    connect(m_thread, &QAbstractItemModel::modelReset, m_threadView, &QListView::scrollToBottom);

    m_reply = new QPlainTextEdit(this);
    m_reply->setObjectName(QStringLiteral("replyEdit"));
    m_reply->setAccessibleName(tr("Reply"));
    m_reply->setPlaceholderText(tr("Write a reply… (Ctrl+Return sends)"));
    m_reply->setTabChangesFocus(true);
    m_reply->setMaximumHeight(120);

    m_staffOnly = new QCheckBox(tr("Internal note"), this);
    m_staffOnly->setObjectName(QStringLiteral("staffOnlyCheck"));
    m_staffOnly->setAccessibleName(tr("Internal note (staff only)"));
    m_staffOnly->setToolTip(tr("Visible to staff only; never sent to the patient"));

    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setAccessibleName(tr("Send"));
    connect(m_send, &QPushButton::clicked, this, &ItemDetailPane::sendRequested);

    auto *replyRow = new QHBoxLayout;
    replyRow->addWidget(m_staffOnly);
    replyRow->addStretch();
    replyRow->addWidget(m_send);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_details);
    layout->addWidget(m_threadView, 1);
    layout->addWidget(m_reply);
    layout->addLayout(replyRow);

    connect(&m_store, &InboxStore::rowsChanged, this, [this](int first, int last) {
        const int row = m_store.indexOf(itemId());
        if (row >= first && row <= last)
            updateHeader();
    });
    showItem({});
}

void ItemDetailPane::showItem(const QString &itemId)
{
    if (itemId != m_thread->itemId())
        clearReply();
    m_thread->setItem(itemId);
    updateHeader();
}

QString ItemDetailPane::itemId() const
{
    return m_thread->itemId();
}
QString ItemDetailPane::replyText() const
{
    return m_reply->toPlainText();
}
bool ItemDetailPane::staffOnly() const
{
    return m_staffOnly->isChecked();
}

void ItemDetailPane::clearReply()
{
    m_reply->clear();
    m_staffOnly->setChecked(false);
}

void ItemDetailPane::focusReply()
{
    m_reply->setFocus(Qt::OtherFocusReason);
}

void ItemDetailPane::updateHeader()
{
    const inbox::InboxItem *item = m_store.item(itemId());
    const bool enabled = item != nullptr;
    m_reply->setEnabled(enabled);
    m_staffOnly->setEnabled(enabled);
    m_send->setEnabled(enabled);
    if (!item) {
        m_header->setText(tr("No item selected"));
        m_details->clear();
        return;
    }
    m_header->setText(item->title);
    const PatientInfo patient = m_store.patient(item->patientId);
    QStringList lines;
    if (!patient.name.isEmpty())
        lines.append(tr("Patient: %1, %2").arg(patient.name, patient.personalNumber));
    if (!item->priorityReason.isEmpty())
        lines.append(tr("Priority reason: %1").arg(item->priorityReason));
    const QString owner = m_store.staffName(item->ownerId);
    lines.append(item->ownerId.isEmpty() ? tr("Owner: the unit's pool") : tr("Owner: %1").arg(owner));
    m_details->setText(lines.join(QLatin1Char('\n')));
}

} // namespace nara::workstation

#pragma once

#include "workstation/ui/workstationcontext.h"

#include <QHash>
#include <QObject>

#include <memory>

class QWidget;

namespace nara::forms {
class FormRequests;
class FormResponsePane;
class SendFormDialog;
struct FormItemView;
} // namespace nara::forms

namespace nara::workstation {

class ItemCommands;

// The main window's forms (issue 4): the answer's pane for items of kind form, kept current from
// the store's form_request and form_response records; closing with a note, escalating to a GP of
// the item's unit; and sending a form (online only). The window shows the pane, says the messages
// in its status bar and opens the patient's chat on contactPatient.
class FormsHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormsHost)
public:
    // `window` parents the pane and the dialogs; the context's store, sink and clock and the
    // window's item commands outlive this.
    FormsHost(const WorkstationContext &context, ItemCommands &commands, QWidget *window);
    ~FormsHost() override;

    forms::FormResponsePane *pane() const { return m_pane; }
    // The item the window now shows: true for form items (the pane shows it and follows it),
    // false otherwise (the pane is cleared).
    bool showItem(const QString &itemId);
    // What the pane shows for `itemId`, from the store (public for tests).
    forms::FormItemView formView(const QString &itemId) const;

    // The send dialog, filled with the cached patients and preselecting the patient of
    // `currentItemId`; sendForm() runs it.
    std::unique_ptr<forms::SendFormDialog> createSendDialog(const QString &currentItemId);
    void sendForm(const QString &currentItemId);

    // The sync engine's final word on a write: said when it was one of this host's escalations.
    void writeDelivered(const QString &writeId);
    void writeRejected(const QString &writeId, const QString &message);

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);
    void contactPatient(const QString &patientId);

private:
    void refreshPane();
    bool concernsShown(const QString &entity, const QStringList &ids) const;
    void closeWithNote(const QString &itemId);
    void escalate(const QString &itemId);

    WorkstationContext m_context;
    ItemCommands &m_commands;
    QWidget *m_window = nullptr;
    forms::FormRequests *m_requests = nullptr; // null without a server
    forms::FormResponsePane *m_pane = nullptr;
    QString m_shownItemId;
    QHash<QString, QString> m_escalations; // escalation writes submitted here, not yet answered: id → GP's name
};

} // namespace nara::workstation

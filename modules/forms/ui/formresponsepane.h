#pragma once

#include <functional>

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QAction;
class QBoxLayout;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace nara::forms {

class FormTrendChart;
struct ScoreSummary;

// What the host hands the pane about one inbox item of kind `form` (all from the workstation's
// cache; the records as docs/api/contract.md, "Forms", describes them).
struct FormItemView
{
    QString itemId; // empty: nothing to show
    QString itemTitle;
    QString patientId;
    QString patientText; // "Name, YYYYMMDD-NNNN"
    bool itemOpen = true; // not done: closing and escalating are offered
    QJsonObject request; // the form_request record; empty when not synced (yet)
    QString sentByName; // the display name of the request's sentBy
    QJsonObject response; // the form_response record; empty when not answered (or not synced yet)
    QList<QJsonObject> patientResponses; // the patient's form_response records, for the trend
};

// The detail pane of a `form` inbox item: the questionnaire's title, the request (who sent it, when
// it is due, its state: "Ej besvarat – förföll 20 nov" when overdue), the score with its severity,
// priority and reasons, the trend over the patient's earlier answers to the same questionnaire (a
// chart and a sentence), and the answers in the questionnaire's order. Data in, signals out: the
// host closes, escalates and opens the chat. An answer that does not match its questionnaire is
// said so in the pane, never shown half.
class FormResponsePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormResponsePane)
public:
    explicit FormResponsePane(QWidget *parent = nullptr);
    ~FormResponsePane() override;

    void showForm(const FormItemView &view);
    QString itemId() const { return m_view.itemId; }
    QString patientId() const { return m_view.patientId; }
    FormTrendChart *trendChart() const { return m_chart; }
    // The pane's keyboard actions (for the shortcut help; live only while the pane is shown).
    QList<QAction *> shortcutActions() const { return m_actions; }

Q_SIGNALS:
    void closeRequested(const QString &itemId);
    void escalateRequested(const QString &itemId);
    void contactPatientRequested(const QString &patientId);

private:
    QPushButton *addButton(const QString &name, const QString &text, const QKeySequence &key,
                           std::function<void()> onTrigger);
    void showRequest();
    // An answer that cannot be read is said so instead.
    void showAnswer(const QString &language);
    void showScore(const ScoreSummary &score);
    void showTrend(const ScoreSummary &score);
    void showProblem(const QString &text);
    void reset();
    void fillSpace();

    FormItemView m_view;
    QBoxLayout *m_layout = nullptr;
    QLabel *m_header = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_score = nullptr;
    QLabel *m_priority = nullptr;
    QLabel *m_reasons = nullptr;
    FormTrendChart *m_chart = nullptr;
    QLabel *m_trend = nullptr;
    QTreeWidget *m_answers = nullptr;
    QPushButton *m_close = nullptr;
    QPushButton *m_escalate = nullptr;
    QPushButton *m_contact = nullptr;
    QList<QAction *> m_actions;
};

} // namespace nara::forms

#include "forms/ui/formresponsepane.h"

#include "forms/core/bundledquestionnaires.h"
#include "forms/core/questionnaireresponse.h"
#include "forms/core/score.h"
#include "forms/core/trend.h"
#include "forms/ui/formanswers.h"
#include "forms/ui/formrecords.h"
#include "forms/ui/formtrendchart.h"

#include "foundation/ui/panewidgets.h"

#include <QAction>
#include <QBoxLayout>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nara::forms {

namespace {

constexpr int kLinkIdRole = Qt::UserRole;

QLabel *label(const QString &name, const QString &accessibleName, QWidget *parent)
{
    return ui::makeTextLabel(parent, name, accessibleName);
}

// Lets long questions wrap: QTreeView asks for row heights without the column's width, so the
// delegate measures the text at the width of its column (the whole row for a spanned one).
class WrappingDelegate final : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        int depth = 0;
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
            ++depth;
        int width = m_view->isFirstColumnSpanned(index.row(), index.parent())
            ? m_view->viewport()->width()
            : m_view->header()->sectionSize(index.column());
        if (index.column() == 0)
            width -= depth * m_view->indentation();
        // The text's margins as the style lays the cell out (QCommonStyle's viewItemLayout).
        const int margins = 2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1);
        width = std::max(40, width - margins);
        const QRect text = item.fontMetrics.boundingRect(QRect(0, 0, width, 100'000), Qt::TextWordWrap, item.text);
        return {text.width() + margins, text.height() + 6};
    }

private:
    QTreeView *m_view;
};

QString dateTimeText(qint64 ms)
{
    return FormTrendChart::dateText(ms) % u' '
        % QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).time(), QStringLiteral("HH:mm"));
}

} // namespace

FormResponsePane::FormResponsePane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("formResponsePane"));
    setAccessibleName(tr("Form answer"));

    m_header = ui::makeHeaderLabel(this, QStringLiteral("formHeader"));
    m_header->setAccessibleName(tr("Questionnaire"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details = label(QStringLiteral("formRequest"), tr("Request"), this);
    m_state = label(QStringLiteral("formState"), tr("State"), this);
    m_problem = label(QStringLiteral("formProblem"), tr("Problem"), this);
    m_problem->setStyleSheet(
        QStringLiteral("#formProblem { color: #8a1c00; border: 1px solid #8a1c00; padding: 6px; }"));
    m_score = label(QStringLiteral("formScore"), tr("Score"), this);
    QFont scoreFont = m_score->font();
    scoreFont.setBold(true);
    m_score->setFont(scoreFont);
    m_priority = label(QStringLiteral("formPriority"), tr("Priority"), this);
    m_reasons = label(QStringLiteral("formReasons"), tr("Reasons"), this);
    m_chart = new FormTrendChart(this);
    m_trend = label(QStringLiteral("formTrend"), tr("Trend"), this);

    m_answers = new QTreeWidget(this);
    m_answers->setObjectName(QStringLiteral("formAnswers"));
    m_answers->setAccessibleName(tr("Answers"));
    m_answers->setColumnCount(3);
    m_answers->setHeaderLabels({tr("Question"), tr("Answer"), tr("Points")});
    m_answers->setWordWrap(true);
    m_answers->setUniformRowHeights(false);
    m_answers->setRootIsDecorated(false);
    m_answers->setSelectionMode(QAbstractItemView::NoSelection);
    m_answers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_answers->header()->setStretchLastSection(false);
    m_answers->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_answers->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_answers->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_answers->setColumnWidth(1, 200);
    m_answers->setMinimumHeight(160);
    m_answers->setTextElideMode(Qt::ElideNone);
    m_answers->setItemDelegate(new WrappingDelegate(m_answers));
    // Long questions wrap: the rows are laid out again for new column widths, once they settle.
    auto *relayout = new QTimer(m_answers);
    relayout->setSingleShot(true);
    relayout->setInterval(0);
    connect(relayout, &QTimer::timeout, m_answers, &QTreeWidget::doItemsLayout);
    connect(m_answers->header(), &QHeaderView::sectionResized, relayout, qOverload<>(&QTimer::start));

    // The same keys as the alert pane's handled/escalate/contact: the two are never shown together.
    m_close
        = addButton(QStringLiteral("formCloseButton"), tr("&Close with note…"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), [this] { Q_EMIT closeRequested(m_view.itemId); });
    m_escalate = addButton(QStringLiteral("formEscalateButton"), tr("Escalate to a &doctor…"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
                           [this] { Q_EMIT escalateRequested(m_view.itemId); });
    m_contact = addButton(QStringLiteral("formContactButton"), tr("Contact the &patient"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
                          [this] { Q_EMIT contactPatientRequested(m_view.patientId); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_close);
    buttons->addWidget(m_escalate);
    buttons->addWidget(m_contact);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_details);
    layout->addWidget(m_state);
    layout->addWidget(m_problem);
    layout->addWidget(m_score);
    layout->addWidget(m_priority);
    layout->addWidget(m_reasons);
    layout->addWidget(m_chart, 2);
    layout->addWidget(m_trend);
    layout->addWidget(m_answers, 3);
    layout->addStretch(0); // takes the space when there is neither chart nor answers (fillSpace)
    layout->addLayout(buttons);
    m_layout = layout;
    showForm({});
}

FormResponsePane::~FormResponsePane() = default;

QPushButton *FormResponsePane::addButton(const QString &name, const QString &text, const QKeySequence &key,
                                         std::function<void()> onTrigger)
{
    const ui::ShortcutButton made = ui::makeShortcutButton(this, name, text, key);
    m_actions.append(made.action);
    connect(made.action, &QAction::triggered, this, std::move(onTrigger));
    return made.button;
}

void FormResponsePane::reset()
{
    for (QLabel *text : {m_details, m_state, m_problem, m_score, m_priority, m_reasons, m_trend})
        text->clear();
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_problem, m_score, m_priority, m_reasons, m_chart, m_trend})
        widget->hide();
    m_state->setProperty("overdue", false);
    m_state->setStyleSheet(QString());
    m_priority->setProperty("priority", QString());
    m_priority->setStyleSheet(QString());
    m_chart->setHistory({}, 0, {});
    m_answers->clear();
    m_answers->setColumnHidden(2, true);
}

void FormResponsePane::showForm(const FormItemView &view)
{
    m_view = view;
    reset();
    const bool shown = !m_view.itemId.isEmpty();
    m_actions.at(0)->setEnabled(shown && m_view.itemOpen);
    m_actions.at(1)->setEnabled(shown && m_view.itemOpen);
    m_actions.at(2)->setEnabled(shown && !m_view.patientId.isEmpty());
    m_answers->setVisible(shown);
    if (!shown) {
        m_header->setText(tr("No item selected"));
        fillSpace();
        return;
    }
    const QString language = FormAnswers::displayLanguage();
    QString questionnaireId = m_view.response.value(u"questionnaireId").toString();
    if (questionnaireId.isEmpty())
        questionnaireId = m_view.request.value(u"questionnaireId").toString();
    const auto questionnaire = loadBundledQuestionnaire(questionnaireId);
    QString title = questionnaire ? questionnaire->title().text(language) : QString();
    if (title.isEmpty())
        title = m_view.request.value(u"title").toString();
    m_header->setText(title.isEmpty() ? m_view.itemTitle : title);
    showRequest();
    if (!m_view.response.isEmpty())
        showAnswer(language);
    else
        m_answers->hide();
    fillSpace();
}

void FormResponsePane::fillSpace()
{
    // The stretch before the buttons: the texts stay together at the top when nothing grows.
    m_layout->setStretch(m_layout->count() - 2, m_answers->isHidden() && m_chart->isHidden() ? 1 : 0);
}

void FormResponsePane::showRequest()
{
    QStringList about;
    if (!m_view.patientText.isEmpty())
        about.append(m_view.patientText);
    const QJsonObject &request = m_view.request;
    if (!request.isEmpty()) {
        QStringList sent;
        const qint64 sentAt = request.value(u"sentAt").toInteger();
        if (sentAt > 0)
            sent.append(m_view.sentByName.isEmpty()
                            ? tr("Sent %1").arg(FormTrendChart::dateText(sentAt))
                            : tr("Sent by %1 on %2").arg(m_view.sentByName, FormTrendChart::dateText(sentAt)));
        if (const qint64 dueAt = request.value(u"dueAt").toInteger(); dueAt > 0)
            sent.append(tr("due %1").arg(FormTrendChart::dateText(dueAt)));
        if (const int occasions = request.value(u"occasions").toInt(); occasions > 1)
            sent.append(tr("occasion %1 of %2").arg(request.value(u"occasion").toInt()).arg(occasions));
        if (!sent.isEmpty())
            about.append(sent.join(QStringLiteral(" · ")));
    }
    m_details->setText(about.join(u'\n'));

    const QString state = request.value(u"state").toString();
    const qint64 dueAt = request.value(u"dueAt").toInteger();
    if (!m_view.response.isEmpty()) {
        m_state->setText(tr("Answered %1").arg(dateTimeText(m_view.response.value(u"authoredAt").toInteger())));
    } else if (state == u"overdue") {
        m_state->setText(tr("Not answered – was due %1").arg(FormTrendChart::dateText(dueAt)));
        m_state->setProperty("overdue", true);
        m_state->setStyleSheet(QStringLiteral("#formState { color: #8a1c00; font-weight: bold; }"));
    } else if (state == u"pending") {
        m_state->setText(tr("Not answered yet – due %1").arg(FormTrendChart::dateText(dueAt)));
    } else if (state == u"cancelled") {
        m_state->setText(tr("Cancelled before it was answered"));
    } else if (state == u"answered") {
        m_state->setText(tr("Answered %1; the answer has not reached this workstation yet.")
                             .arg(dateTimeText(request.value(u"answeredAt").toInteger())));
    } else {
        m_state->setText(tr("The form has not reached this workstation yet."));
    }
}

void FormResponsePane::showAnswer(const QString &language)
{
    const QString questionnaireId = m_view.response.value(u"questionnaireId").toString();
    const auto questionnaire = loadBundledQuestionnaire(questionnaireId);
    if (!questionnaire) {
        showProblem(tr("This answer is to a questionnaire this version of Nära does not know (%1). "
                       "Update Nära to read it.")
                        .arg(questionnaireId));
        return;
    }
    const auto response
        = QuestionnaireResponse::fromJson(m_view.response.value(u"response").toObject(), *questionnaire);
    if (!response) {
        showProblem(tr("This answer does not match the questionnaire %1 and cannot be shown. Nothing of it is "
                       "displayed, so that no answer is read wrongly. Details: %2")
                        .arg(questionnaire->title().text(language), response.error().message));
        return;
    }

    const QList<AnswerRow> rows = FormAnswers::rows(*questionnaire, *response, language);
    QTreeWidgetItem *group = nullptr;
    bool anyPoints = false;
    for (const AnswerRow &row : rows) {
        QTreeWidgetItem *parent = row.depth > 0 ? group : nullptr;
        auto *entry = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_answers);
        entry->setData(0, kLinkIdRole, row.linkId);
        QString question = row.question;
        if (row.unverified) {
            question += u' ' % tr("(wording not verified)");
            entry->setToolTip(0, tr("This wording awaits verification against the official translation."));
        }
        entry->setText(0, question);
        switch (row.kind) {
        case AnswerRow::Kind::Display:
        case AnswerRow::Kind::Group: {
            QFont font = entry->font(0);
            font.setItalic(row.kind == AnswerRow::Kind::Display);
            font.setBold(row.kind == AnswerRow::Kind::Group);
            entry->setFont(0, font);
            entry->setFirstColumnSpanned(true);
            if (row.kind == AnswerRow::Kind::Group)
                group = entry;
            break;
        }
        case AnswerRow::Kind::Question:
            entry->setText(1, row.answered ? row.answer : tr("not answered"));
            if (row.points) {
                entry->setText(2, QString::number(*row.points));
                anyPoints = true;
            }
            break;
        }
    }
    m_answers->expandAll();
    m_answers->setColumnHidden(2, !anyPoints);

    if (const auto score = ScoreSummary::fromJson(m_view.response.value(u"score"), language)) {
        showScore(*score);
        showTrend(*score);
    }
}

void FormResponsePane::showScore(const ScoreSummary &score)
{
    QString text = tr("%1 of %2 points").arg(score.total).arg(score.maxTotal);
    if (!score.severityLabel.isEmpty())
        text += u" – " % score.severityLabel;
    if (score.psfsMean)
        text += u" · " % tr("PSFS mean %1").arg(QLocale().toString(*score.psfsMean, 'f', 1));
    m_score->setText(text);
    m_score->show();

    QString priority = score.priority;
    if (score.priority == u"stat")
        priority = tr("Stat");
    else if (score.priority == u"asap")
        priority = tr("ASAP");
    else if (score.priority == u"urgent")
        priority = tr("Urgent");
    else if (score.priority == u"routine")
        priority = tr("Routine");
    m_priority->setText(tr("Priority: %1").arg(priority));
    m_priority->setProperty("priority", score.priority);
    if (score.priority == u"stat")
        m_priority->setStyleSheet(QStringLiteral("#formPriority { color: #b00020; font-weight: bold; }"));
    m_priority->show();

    QStringList reasons;
    for (const QString &reason : score.reasons)
        reasons.append(u"• " % reason);
    m_reasons->setText(reasons.join(u'\n'));
    m_reasons->setVisible(!reasons.isEmpty());
}

void FormResponsePane::showTrend(const ScoreSummary &score)
{
    const QString questionnaireId = m_view.response.value(u"questionnaireId").toString();
    const QList<ScorePoint> history = scoreHistory(m_view.patientResponses, questionnaireId, m_view.response);
    m_chart->setHistory(score.instrument, score.maxTotal, history);
    m_chart->setVisible(!history.isEmpty());
    m_trend->show();
    if (history.size() < 2) {
        m_trend->setText(tr("The first answer to this questionnaire."));
        return;
    }
    Score previous;
    previous.instrument = score.instrument;
    previous.total = history.at(history.size() - 2).total;
    Score current;
    current.instrument = score.instrument;
    current.total = score.total;
    const Trend change = trend(previous, current);
    const QString since = FormTrendChart::dateText(history.at(history.size() - 2).authoredAt);
    const int points = std::abs(change.change);
    switch (change.direction) {
    case TrendDirection::Improved:
        m_trend->setText(tr("Improved by %n point(s) since %1", "", points).arg(since));
        break;
    case TrendDirection::Worsened: m_trend->setText(tr("Worse by %n point(s) since %1", "", points).arg(since)); break;
    case TrendDirection::Unchanged:
        m_trend->setText(change.change == 0 ? tr("Unchanged since %1").arg(since)
                                            : tr("No clinically relevant change since %1 (%2 points)")
                                                  .arg(since,
                                                       (change.change > 0 ? QStringLiteral("+") : QString())
                                                           + QLocale().toString(change.change)));
        break;
    }
}

void FormResponsePane::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->show();
    m_answers->hide();
}

} // namespace nara::forms

#include "monitoring/ui/alertpane.h"

#include "foundation/core/clock.h"
#include "monitoring/ui/measurementhistorychart.h"
#include "monitoring/ui/processalertdialog.h"

#include "foundation/ui/panewidgets.h"

#include <QAction>
#include <QDateTime>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace nara::monitoring {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QString valueText(const MeasurementRecord &m)
{
    const QList<Quantity> quantities = info(m.type).quantities;
    QStringList parts;
    for (qsizetype i = 0; i < quantities.size() && i < m.values.size(); ++i) {
        const int decimals = info(quantities.at(i)).decimals;
        parts.append(preferSwedish() ? formatSv(m.values.at(i), decimals) : formatEn(m.values.at(i), decimals));
    }
    return parts.join(QLatin1Char('/'));
}

} // namespace

std::optional<MeasurementType> AlertCase::measurementType() const
{
    for (const AlertRecord &alert : alerts) {
        if (alert.measurementType)
            return alert.measurementType;
    }
    const QString id = measurementId();
    for (const MeasurementRecord &m : measurements) {
        if (!id.isEmpty() && m.id == id)
            return m.type;
    }
    return std::nullopt;
}

QString AlertCase::measurementId() const
{
    for (const AlertRecord &alert : alerts) {
        if (!alert.measurementId.isEmpty())
            return alert.measurementId;
    }
    return {};
}

AlertPane::AlertPane(sync::WriteSink &sink, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_commands(sink, clock)
    , m_clock(clock)
    , m_runner([](QDialog &dialog) { return dialog.exec(); })
{
    setObjectName(QStringLiteral("alertPane"));
    setAccessibleName(tr("Monitoring alert"));

    m_header = ui::makeHeaderLabel(this, QStringLiteral("alertHeader"));

    m_patient = new QLabel(this);
    m_patient->setObjectName(QStringLiteral("alertPatient"));
    m_patient->setAccessibleName(tr("Patient"));
    m_patient->setTextFormat(Qt::PlainText);
    m_patient->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_alertBox = new QWidget(this);
    m_alertBox->setObjectName(QStringLiteral("alertList"));
    m_alertBox->setAccessibleName(tr("Alerts"));
    m_alertLayout = new QGridLayout(m_alertBox);
    m_alertLayout->setContentsMargins(0, 0, 0, 0);
    m_alertLayout->setColumnStretch(1, 1);

    m_handled = addButton(QStringLiteral("alertHandledButton"), tr("&Handled…"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), &AlertPane::markHandled);
    m_escalate = addButton(QStringLiteral("escalateButton"), tr("Escalate to a &doctor…"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G), &AlertPane::escalate);
    m_contact = addButton(QStringLiteral("contactPatientButton"), tr("Contact the &patient"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), &AlertPane::contact);
    m_plan = addButton(QStringLiteral("monitoringPlanButton"), tr("&Monitoring plan…"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), &AlertPane::openPlan);
    auto *buttons = new QGridLayout;
    buttons->addWidget(m_handled, 0, 0);
    buttons->addWidget(m_escalate, 0, 1);
    buttons->addWidget(m_contact, 1, 0);
    buttons->addWidget(m_plan, 1, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("alertStatus"));
    m_status->setAccessibleName(tr("Status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    m_chart = new MeasurementHistoryChart(this);
    m_latest = new QTableWidget(0, 5, this);
    m_latest->setObjectName(QStringLiteral("latestMeasurements"));
    m_latest->setAccessibleName(tr("Latest measurements"));
    m_latest->setHorizontalHeaderLabels({tr("Time"), tr("Measurement"), tr("Value"), tr("Unit"), tr("Source")});
    m_latest->verticalHeader()->hide();
    m_latest->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_latest->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_latest->horizontalHeader()->setStretchLastSection(true);
    m_latest->setMinimumHeight(160);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    auto *historyLabel = new QLabel(tr("Last %1 days").arg(kHistoryDays), content);
    historyLabel->setObjectName(QStringLiteral("historyLabel"));
    contentLayout->addWidget(historyLabel);
    contentLayout->addWidget(m_chart, 2);
    auto *latestLabel = new QLabel(tr("Latest measurements"), content);
    latestLabel->setBuddy(m_latest);
    contentLayout->addWidget(latestLabel);
    contentLayout->addWidget(m_latest, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("alertScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_patient);
    layout->addWidget(m_alertBox);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(scroll, 1);
    update();
}

AlertPane::~AlertPane() = default;

QPushButton *AlertPane::addButton(const QString &name, const QString &text, const QKeySequence &key,
                                  void (AlertPane::*slot)())
{
    const ui::ShortcutButton made = ui::makeShortcutButton(this, name, text, key);
    m_actions.append(made.action);
    connect(made.action, &QAction::triggered, this, slot);
    return made.button;
}

QString AlertPane::timeText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QStringLiteral("d MMM HH:mm"));
}

QString AlertPane::sourceText(const QString &source)
{
    if (source == u"sms")
        return tr("SMS");
    if (source == u"portal")
        return tr("Portal");
    if (source == u"staff")
        return tr("Staff");
    return source;
}

QString AlertPane::severityText(Tier severity)
{
    return severity == Tier::Red ? tr("Red") : tr("Orange");
}

QString AlertPane::kindText(AlertKind kind)
{
    switch (kind) {
    case AlertKind::Value: return tr("Value beyond a limit");
    case AlertKind::Overdue: return tr("Measurement overdue");
    case AlertKind::Remark: return tr("The patient's remark");
    }
    return {};
}

void AlertPane::showCase(const AlertCase &alertCase)
{
    if (alertCase.itemId != m_case.itemId)
        m_status->clear();
    m_case = alertCase;
    std::sort(m_case.alerts.begin(), m_case.alerts.end(), [](const AlertRecord &a, const AlertRecord &b) {
        if (a.severity != b.severity)
            return a.severity == Tier::Red;
        return a.createdAt < b.createdAt;
    });
    update();
}

void AlertPane::update()
{
    const bool shown = !m_case.itemId.isEmpty();
    m_header->setText(shown ? m_case.itemTitle : tr("No item selected"));
    m_patient->setText(m_case.patientText.isEmpty() ? QString() : tr("Patient: %1").arg(m_case.patientText));
    const auto enable = [this](QPushButton *button, bool on) {
        if (auto *action
            = findChild<QAction *>(button->objectName() + QStringLiteral("Action"), Qt::FindDirectChildrenOnly))
            action->setEnabled(on);
        button->setEnabled(on);
    };
    enable(m_handled, shown && !m_case.done);
    enable(m_escalate, shown && !m_case.done);
    enable(m_contact, shown && !m_case.patientId.isEmpty());
    enable(m_plan, shown && !m_case.patientId.isEmpty());
    fillAlerts();

    const auto type = m_case.measurementType();
    if (!shown) {
        m_chart->clear({});
    } else if (!type) {
        m_chart->clear(tr("This alert concerns no measurement type: no history to show."));
    } else {
        const qint64 now = m_clock.nowMs();
        qint64 to = now;
        const QString markedId = m_case.measurementId();
        for (const MeasurementRecord &m : std::as_const(m_case.measurements)) {
            if (m.id == markedId) // a reading stamped a little (never years) ahead of this clock
                to = std::clamp(m.at, to, now + kDayMs);
        }
        m_chart->setHistory(*type, m_case.measurements, m_case.plan, markedId, to - kHistoryDays * kDayMs, to);
    }
    fillLatest(type);
}

void AlertPane::fillAlerts()
{
    while (QLayoutItem *child = m_alertLayout->takeAt(0)) {
        delete child->widget();
        delete child;
    }
    int row = 0;
    for (const AlertRecord &alert : std::as_const(m_case.alerts)) {
        const bool red = alert.severity == Tier::Red;
        auto *badge = new QLabel(severityText(alert.severity), m_alertBox);
        badge->setObjectName(u"alertSeverity" % QString::number(row));
        badge->setAccessibleName(tr("Severity: %1").arg(badge->text()));
        badge->setAlignment(Qt::AlignCenter);
        badge->setStyleSheet(red ? QStringLiteral("QLabel { background: #c62828; color: white; font-weight: bold; "
                                                  "padding: 2px 8px; border-radius: 3px; }")
                                 : QStringLiteral("QLabel { background: #ffa726; color: black; font-weight: bold; "
                                                  "padding: 2px 8px; border-radius: 3px; }"));
        const QString reason = preferSwedish() || alert.reasonEn.isEmpty() ? alert.reason : alert.reasonEn;
        auto *text = new QLabel(m_alertBox);
        text->setObjectName(u"alertReason" % QString::number(row));
        text->setTextFormat(Qt::PlainText);
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QString line = reason % u'\n' % kindText(alert.kind);
        if (alert.createdAt > 0)
            line += u" · " % timeText(alert.createdAt);
        text->setText(line);
        text->setAccessibleName(tr("Alert"));
        m_alertLayout->addWidget(badge, row, 0, Qt::AlignTop);
        m_alertLayout->addWidget(text, row, 1);
        ++row;
    }
    m_alertBox->setVisible(row > 0);
}

void AlertPane::fillLatest(const std::optional<MeasurementType> &type)
{
    QList<MeasurementRecord> latest;
    for (const MeasurementRecord &m : std::as_const(m_case.measurements)) {
        if (!type || m.type == *type)
            latest.append(m);
    }
    std::sort(latest.begin(), latest.end(),
              [](const MeasurementRecord &a, const MeasurementRecord &b) { return a.at > b.at; });
    if (latest.size() > kLatestRows)
        latest.resize(kLatestRows);
    const QString markedId = m_case.measurementId();
    m_latest->setRowCount(int(latest.size()));
    for (int row = 0; row < latest.size(); ++row) {
        const MeasurementRecord &m = latest.at(row);
        const QStringList cells{timeText(m.at), displayName(m.type), valueText(m),
                                info(info(m.type).quantities.constFirst()).unitText, sourceText(m.source)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *cell = new QTableWidgetItem(cells.at(column));
            cell->setData(Qt::UserRole, m.id);
            if (m.id == markedId) {
                QFont font = cell->font();
                font.setBold(true);
                cell->setFont(font);
            }
            m_latest->setItem(row, column, cell);
        }
    }
    m_latest->resizeColumnsToContents();
}

int AlertPane::runDialog(QDialog &dialog)
{
    return m_runner ? m_runner(dialog) : dialog.exec();
}

bool AlertPane::stillShows(const QString &itemId)
{
    if (m_case.itemId != itemId) {
        m_status->setText(tr("The item shown changed while the dialog was open: nothing was done."));
        return false;
    }
    if (m_case.done) {
        m_status->setText(tr("The alert was closed meanwhile: nothing was done."));
        return false;
    }
    return true;
}

void AlertPane::markHandled()
{
    if (m_case.itemId.isEmpty() || m_case.done)
        return;
    // The dialog runs an event loop of its own: sync may hand another case in meanwhile.
    const QString itemId = m_case.itemId;
    ProcessAlertDialog dialog(m_case.itemTitle, this);
    if (runDialog(dialog) != QDialog::Accepted || !stillShows(itemId))
        return;
    if (dialog.note().isEmpty()) {
        m_status->setText(tr("Say what was done in a note: the alert is not marked as handled without one."));
        return;
    }
    const QString writeId = m_commands.close(itemId, dialog.note());
    m_status->setText(tr("Sending: the alert is marked as handled…"));
    Q_EMIT handled(itemId, writeId);
}

void AlertPane::escalate()
{
    if (m_case.itemId.isEmpty() || m_case.done)
        return;
    const QList<StaffChoice> gps = EscalateDialog::gpsOf(m_case.staff, m_case.unitId);
    if (gps.isEmpty()) {
        m_status->setText(tr("There is no GP in the alert's care unit to escalate to."));
        return;
    }
    const QString itemId = m_case.itemId;
    EscalateDialog dialog(m_case.itemTitle, gps, this);
    if (runDialog(dialog) != QDialog::Accepted || !stillShows(itemId))
        return;
    const QString staffId = dialog.staffId();
    const QList<StaffChoice> now = EscalateDialog::gpsOf(m_case.staff, m_case.unitId);
    const auto gp = std::find_if(now.cbegin(), now.cend(), [&](const StaffChoice &c) { return c.id == staffId; });
    if (gp == now.cend()) {
        m_status->setText(tr("Choose a GP of the alert's care unit: nothing was sent."));
        return;
    }
    const QString writeId = m_commands.escalate(itemId, staffId, dialog.note());
    m_status->setText(tr("Sending: the alert is escalated to %1…").arg(gp->displayName));
    Q_EMIT escalated(itemId, staffId, writeId);
}

void AlertPane::showStatus(const QString &itemId, const QString &text)
{
    if (!itemId.isEmpty() && itemId == m_case.itemId)
        m_status->setText(text);
}

void AlertPane::contact()
{
    if (!m_case.patientId.isEmpty())
        Q_EMIT contactPatient(m_case.patientId);
}

void AlertPane::openPlan()
{
    if (!m_case.patientId.isEmpty())
        Q_EMIT planRequested(m_case.patientId);
}

} // namespace nara::monitoring

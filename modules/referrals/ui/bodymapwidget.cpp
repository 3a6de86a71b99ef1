#include "referrals/ui/bodymapwidget.h"

#include "referrals/core/dermatologycatalog.h"

#include <QComboBox>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>

namespace nara::referrals {

namespace {

// The drawing's own units: each figure is 100 wide and 224 tall, the front one at x 0, the back one
// at x 120; their captions sit above, the sides' letters below.
constexpr qreal kFigureWidth = 100;
constexpr qreal kBackOffset = 120;
const QRectF kBounds(-4, -16, 228, 256);

// Where each body structure is drawn, for the patient's right side as seen from the front (on the
// viewer's left); the left side is its mirror image, and from the back the sides swap. Listed from
// large to small: a region later in the list lies on top of an earlier one.
struct Shape
{
    const char *snomed;
    QRectF rect;
    bool ellipse = false;
};

const Shape kShapes[] = {
    {"89545001", {39, 3, 22, 28}, true}, // face
    {"41695006", {39, 3, 22, 28}, true}, // scalp (seen from the back)
    {"52795006", {42, 6, 16, 6}}, // forehead
    {"1910005", {35.5, 12, 4.5, 9}, true}, // ear
    {"60819002", {40.5, 16, 6, 7}, true}, // cheek
    {"45206002", {47.5, 13, 5, 8}}, // nose
    {"48477009", {45, 22, 10, 3}}, // lip
    {"30291003", {45, 25.5, 10, 4}}, // chin
    {"45048000", {44, 30, 12, 8}}, // neck
    {"51185008", {31, 38, 38, 32}}, // chest
    {"818983003", {32, 70, 36, 30}}, // abdomen
    {"77568009", {31, 38, 38, 62}}, // back
    {"22180002", {31, 100, 38, 22}}, // buttock
    {"16982005", {26, 37, 14, 11}}, // shoulder
    {"40983000", {20, 42, 10, 34}}, // upper arm
    {"14975008", {16, 76, 10, 33}}, // forearm
    {"85562004", {12, 110, 14, 14}}, // hand
    {"7569003", {12, 124, 14, 9}}, // finger
    {"68367000", {32, 112, 17, 46}}, // thigh
    {"72696002", {33, 158, 15, 12}}, // knee
    {"30021000", {34, 170, 13, 37}}, // lower leg
    {"56459004", {31, 207, 17, 8}}, // foot
    {"29707007", {31, 215, 17, 7}}, // toe
};

QRectF mirrored(const QRectF &rect)
{
    return QRectF(kFigureWidth - rect.right(), rect.top(), rect.width(), rect.height());
}

QPainterPath shapePath(const QRectF &rect, bool ellipse)
{
    QPainterPath path;
    if (ellipse)
        path.addEllipse(rect);
    else
        path.addRoundedRect(rect, 2, 2);
    return path;
}

// One figure's outline (the same from the front and from the back): its parts united.
QPainterPath silhouette()
{
    QPainterPath body;
    const auto add = [&body](const QPainterPath &part) {
        body = body.united(part);
    };
    const auto rounded = [](const QRectF &rect, qreal radius) {
        QPainterPath part;
        part.addRoundedRect(rect, radius, radius);
        return part;
    };
    QPainterPath head;
    head.addEllipse(QRectF(39, 3, 22, 28));
    add(head);
    add(rounded(QRectF(44, 28, 12, 12), 0));
    add(rounded(QRectF(30, 37, 40, 77), 6));
    const QList<QPair<QRectF, qreal>> limbs{{{11, 107, 16, 26}, 5}, {{32, 110, 17, 98}, 6}, {{31, 206, 17, 16}, 4}};
    for (const auto &[rect, radius] : limbs) {
        add(rounded(rect, radius));
        add(rounded(mirrored(rect), radius));
    }
    // The arm, tapering from the shoulder to the wrist.
    const QPolygonF arm{{31, 38}, {24, 38}, {19, 46}, {16, 76}, {12.5, 110}, {26, 110}, {28.5, 78}, {31, 60}, {31, 38}};
    QPolygonF otherArm;
    for (const QPointF &point : arm)
        otherArm.append({kFigureWidth - point.x(), point.y()});
    for (const QPolygonF &polygon : {arm, otherArm}) {
        QPainterPath part;
        part.addPolygon(polygon);
        add(part);
    }
    for (const QRectF &ear : {QRectF(35.5, 12, 4.5, 9), mirrored(QRectF(35.5, 12, 4.5, 9))}) {
        QPainterPath part;
        part.addEllipse(ear);
        add(part);
    }
    return body;
}

struct Region
{
    QString code;
    QString display;
    QPainterPath path; // in the drawing's units
};

// The catalog's sites that the drawing has a shape for, in the order they are drawn.
QList<Region> makeRegions()
{
    QList<std::pair<int, Region>> ordered;
    for (const BodySite &site : bodySites()) {
        const QString base = site.code.section(u':', 0, 0);
        const bool left = site.code.endsWith(u"=7771000");
        const bool back = site.view == u"back";
        for (int i = 0; i < int(std::size(kShapes)); ++i) {
            if (base != QLatin1String(kShapes[i].snomed))
                continue;
            // Front: the patient's right on the viewer's left; back: on the viewer's right.
            const QRectF rect = left != back ? mirrored(kShapes[i].rect) : kShapes[i].rect;
            QPainterPath path = shapePath(rect, kShapes[i].ellipse);
            if (back)
                path.translate(kBackOffset, 0);
            ordered.append({i, Region{site.code, site.display, path}});
            break;
        }
    }
    std::ranges::stable_sort(ordered, {}, &std::pair<int, Region>::first);
    QList<Region> regions;
    for (auto &[order, region] : ordered)
        regions.append(std::move(region));
    return regions;
}

} // namespace

class BodyMapWidget::Canvas final : public QWidget
{
public:
    explicit Canvas(BodyMapWidget *owner)
        : QWidget(owner)
        , m_owner(owner)
        , m_regions(makeRegions())
        , m_outline(silhouette())
    {
        setObjectName(QStringLiteral("bodyMapCanvas"));
        setAccessibleName(BodyMapWidget::tr("Body map"));
        setMouseTracking(true);
        setFocusPolicy(Qt::NoFocus); // the combo box beside it is the keyboard's way
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }

    QSize sizeHint() const override { return {300, 330}; }
    QSize minimumSizeHint() const override { return {180, 200}; }

    QTransform toWidget() const
    {
        const qreal scale = std::min(width() / kBounds.width(), height() / kBounds.height());
        const QPointF offset((width() - kBounds.width() * scale) / 2, (height() - kBounds.height() * scale) / 2);
        QTransform transform;
        transform.translate(offset.x(), offset.y());
        transform.scale(scale, scale);
        transform.translate(-kBounds.left(), -kBounds.top());
        return transform;
    }

    const Region *regionAt(const QPointF &point) const
    {
        const QPointF at = toWidget().inverted().map(point);
        for (auto it = m_regions.crbegin(); it != m_regions.crend(); ++it)
            if (it->path.contains(at))
                return &*it;
        return nullptr;
    }

    std::optional<QPoint> pointOf(const QString &code) const
    {
        const auto it = std::ranges::find(m_regions, code, &Region::code);
        if (it == m_regions.end())
            return std::nullopt;
        // The point of the region nearest its centre that no later region covers.
        const QRectF box = it->path.boundingRect();
        QList<QPointF> candidates;
        for (qreal y = box.top(); y <= box.bottom(); y += 0.5)
            for (qreal x = box.left(); x <= box.right(); x += 0.5)
                candidates.append({x, y});
        const QPointF centre = box.center();
        std::ranges::sort(candidates, {}, [centre](const QPointF &p) { return QLineF(p, centre).length(); });
        const QTransform transform = toWidget();
        for (const QPointF &candidate : std::as_const(candidates)) {
            const QPoint point = transform.map(candidate).toPoint();
            if (const Region *region = regionAt(point); region && region->code == code)
                return point;
        }
        return std::nullopt;
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setTransform(toWidget());
        const QPalette colours = palette();
        QPen outline(colours.color(QPalette::WindowText), 1.5);
        outline.setCosmetic(true);
        for (const qreal x : {qreal(0), kBackOffset}) {
            painter.setPen(outline);
            painter.setBrush(QColor(242, 228, 216));
            painter.drawPath(m_outline.translated(x, 0));
        }
        QPen border(QColor(0, 0, 0, 70), 1, Qt::DotLine);
        border.setCosmetic(true);
        QColor highlight = colours.color(QPalette::Highlight);
        for (const Region &region : m_regions) {
            const bool chosen = region.code == m_owner->m_code;
            QColor fill = Qt::transparent;
            if (chosen)
                fill = highlight;
            else if (region.code == m_hovered)
                fill = QColor(highlight.red(), highlight.green(), highlight.blue(), 70);
            painter.setPen(border);
            painter.setBrush(fill);
            painter.drawPath(region.path);
        }
        // The chosen region once more on top, so a region drawn later cannot hide its outline.
        if (const auto it = std::ranges::find(m_regions, m_owner->m_code, &Region::code); it != m_regions.end()) {
            QPen strong(colours.color(QPalette::WindowText), 2);
            strong.setCosmetic(true);
            painter.setPen(strong);
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(it->path);
        }
        painter.setPen(colours.color(QPalette::WindowText));
        QFont font = painter.font();
        font.setPixelSize(11);
        painter.setFont(font);
        const qreal labelTop = kBounds.top();
        painter.drawText(QRectF(0, labelTop, kFigureWidth, 14), Qt::AlignCenter, BodyMapWidget::tr("Front"));
        painter.drawText(QRectF(kBackOffset, labelTop, kFigureWidth, 14), Qt::AlignCenter, BodyMapWidget::tr("Back"));
        // The patient's right and left, under each figure.
        const QString right = BodyMapWidget::tr("R", "the patient's right side");
        const QString left = BodyMapWidget::tr("L", "the patient's left side");
        const qreal sidesTop = 224;
        painter.drawText(QRectF(0, sidesTop, 20, 14), Qt::AlignCenter, right);
        painter.drawText(QRectF(kFigureWidth - 20, sidesTop, 20, 14), Qt::AlignCenter, left);
        painter.drawText(QRectF(kBackOffset, sidesTop, 20, 14), Qt::AlignCenter, left);
        painter.drawText(QRectF(kBackOffset + kFigureWidth - 20, sidesTop, 20, 14), Qt::AlignCenter, right);
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        const Region *region = regionAt(event->position());
        const QString code = region ? region->code : QString();
        setCursor(region ? Qt::PointingHandCursor : Qt::ArrowCursor);
        if (code != m_hovered) {
            m_hovered = code;
            update();
        }
    }

    void leaveEvent(QEvent *) override
    {
        m_hovered.clear();
        update();
    }

    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() != Qt::LeftButton)
            return;
        if (const Region *region = regionAt(event->position()))
            m_owner->setSiteCode(region->code);
    }

    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip) {
            auto *help = static_cast<QHelpEvent *>(event);
            if (const Region *region = regionAt(help->pos()))
                QToolTip::showText(help->globalPos(), region->display, this);
            else
                QToolTip::hideText();
            return true;
        }
        return QWidget::event(event);
    }

private:
    BodyMapWidget *m_owner;
    QList<Region> m_regions;
    QPainterPath m_outline;
    QString m_hovered;
};

BodyMapWidget::BodyMapWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("bodyMap"));
    m_canvas = new Canvas(this);
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("bodySiteCombo"));
    m_combo->setAccessibleName(tr("Body site"));
    m_combo->addItem(tr("Choose a body site…"), QString());
    for (const BodySite &site : bodySites())
        m_combo->addItem(site.display, site.code);
    connect(m_combo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setSiteCode(m_combo->itemData(index).toString()); });
    setFocusProxy(m_combo);

    // The list above the drawing, so that the drawing has the whole width.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo);
    layout->addWidget(m_canvas, 1);
}

BodyMapWidget::~BodyMapWidget() = default;

void BodyMapWidget::setSiteCode(const QString &code)
{
    const QString known = bodySiteByCode(code) ? code : QString();
    if (known == m_code)
        return;
    m_code = known;
    {
        const QSignalBlocker blocker(m_combo);
        m_combo->setCurrentIndex(std::max(0, m_combo->findData(m_code)));
    }
    const auto site = bodySiteByCode(m_code);
    m_canvas->setAccessibleDescription(site ? tr("Chosen: %1").arg(site->display) : tr("No body site chosen"));
    m_canvas->update();
    Q_EMIT siteChanged(m_code);
}

QWidget *BodyMapWidget::canvas() const
{
    return m_canvas;
}

std::optional<QPoint> BodyMapWidget::pointOf(const QString &code) const
{
    return m_canvas->pointOf(code);
}

QString BodyMapWidget::siteAt(const QPoint &point) const
{
    const Region *region = m_canvas->regionAt(point);
    return region ? region->code : QString();
}

} // namespace nara::referrals

#pragma once

#include <QPoint>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;

namespace nara::referrals {

// Where on the body the lesion is: a drawing of the body from the front and from the back, whose
// regions (the catalog's body sites, referrals::bodySites()) are clicked to choose one, with a combo
// box above it listing every site (the keyboard's way, and the only way for a site the drawing has
// no region for). The chosen site is highlighted on the map and named in the combo box.
class BodyMapWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BodyMapWidget)
public:
    explicit BodyMapWidget(QWidget *parent = nullptr);
    ~BodyMapWidget() override;

    // The chosen site's SNOMED CT code, "" when none is chosen.
    QString siteCode() const { return m_code; }
    // Chooses a site of the catalog ("" or an unknown code: none).
    void setSiteCode(const QString &code);

    // The drawing (object name bodyMapCanvas) and where a site can be clicked on it, in the
    // drawing's coordinates; nullopt for a site the drawing has no region for.
    QWidget *canvas() const;
    std::optional<QPoint> pointOf(const QString &code) const;
    // The site drawn at a point of the drawing ("" outside every region).
    QString siteAt(const QPoint &point) const;

Q_SIGNALS:
    void siteChanged(const QString &code);

private:
    class Canvas;

    Canvas *m_canvas = nullptr;
    QComboBox *m_combo = nullptr;
    QString m_code;
};

} // namespace nara::referrals

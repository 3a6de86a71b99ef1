#include "referrals/ui/referralthumbnailstrip.h"

#include <QPainter>
#include <QPixmap>
#include <QStyle>

namespace nara::referrals {

namespace {

constexpr int kImageIdRole = Qt::UserRole;
constexpr int kFailedRole = Qt::UserRole + 1;

} // namespace

ReferralThumbnailStrip::ReferralThumbnailStrip(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("referralThumbnails"));
    setAccessibleName(tr("Images of the referral"));
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(false);
    setMovement(QListView::Static);
    setResizeMode(QListView::Adjust);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize({kThumbnailSize, kThumbnailSize});
    setGridSize({kThumbnailSize + 64, kThumbnailSize + 40}); // room for two lines of caption
    setWordWrap(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFixedHeight(gridSize().height() + 2 * frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4);
    connect(this, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *current) {
        Q_EMIT currentImageChanged(current ? current->data(kImageIdRole).toString() : QString());
    });
}

ReferralThumbnailStrip::~ReferralThumbnailStrip() = default;

QIcon ReferralThumbnailStrip::placeholder(bool failed) const
{
    QPixmap pixmap(kThumbnailSize, kThumbnailSize);
    pixmap.fill(failed ? QColor(0xf3, 0xd6, 0xd0) : QColor(0xd8, 0xd8, 0xd8));
    if (failed) {
        QPainter painter(&pixmap);
        painter.setPen(QColor(0x8a, 0x1c, 0x00));
        QFont font = painter.font();
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 2);
        painter.setFont(font);
        painter.drawText(pixmap.rect(), Qt::AlignCenter, QStringLiteral("!"));
    }
    return QIcon(pixmap);
}

void ReferralThumbnailStrip::setEntries(const QList<Entry> &entries)
{
    QStringList wanted;
    for (const Entry &entry : entries)
        wanted.append(entry.imageId);
    QStringList present;
    for (int row = 0; row < count(); ++row)
        present.append(item(row)->data(kImageIdRole).toString());
    const QString chosen = currentImageId();
    if (present != wanted) {
        // Keep the thumbnails already shown.
        QHash<QString, QIcon> icons;
        QHash<QString, bool> failed;
        for (int row = 0; row < count(); ++row) {
            icons.insert(item(row)->data(kImageIdRole).toString(), item(row)->icon());
            failed.insert(item(row)->data(kImageIdRole).toString(), item(row)->data(kFailedRole).toBool());
        }
        const QSignalBlocker blocker(this);
        clear();
        for (const Entry &entry : entries) {
            auto *row = new QListWidgetItem(icons.value(entry.imageId, placeholder(false)), entry.caption, this);
            row->setData(kImageIdRole, entry.imageId);
            row->setData(kFailedRole, failed.value(entry.imageId, false));
        }
    }
    for (int row = 0; row < count() && row < entries.size(); ++row) {
        item(row)->setText(entries.at(row).caption);
        item(row)->setToolTip(entries.at(row).caption);
        item(row)->setData(Qt::AccessibleTextRole, entries.at(row).caption);
    }
    {
        const QSignalBlocker blocker(this);
        QListWidgetItem *keep = itemFor(chosen);
        setCurrentItem(keep ? keep : item(0));
    }
    if (currentImageId() != chosen || present != wanted)
        Q_EMIT currentImageChanged(currentImageId());
}

void ReferralThumbnailStrip::setThumbnail(const QString &imageId, const QImage &thumbnail)
{
    QListWidgetItem *row = itemFor(imageId);
    if (!row || thumbnail.isNull())
        return;
    row->setIcon(QIcon(QPixmap::fromImage(
        thumbnail.scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation))));
    row->setData(kFailedRole, false);
}

void ReferralThumbnailStrip::setThumbnailUnavailable(const QString &imageId)
{
    QListWidgetItem *row = itemFor(imageId);
    if (!row)
        return;
    row->setIcon(placeholder(true));
    row->setData(kFailedRole, true);
    row->setToolTip(tr("%1 – the thumbnail could not be fetched").arg(row->text()));
}

QString ReferralThumbnailStrip::currentImageId() const
{
    const QListWidgetItem *row = currentItem();
    return row ? row->data(kImageIdRole).toString() : QString();
}

void ReferralThumbnailStrip::selectImage(const QString &imageId)
{
    if (QListWidgetItem *row = itemFor(imageId))
        setCurrentItem(row);
}

QListWidgetItem *ReferralThumbnailStrip::itemFor(const QString &imageId) const
{
    if (imageId.isEmpty())
        return nullptr;
    for (int row = 0; row < count(); ++row) {
        if (item(row)->data(kImageIdRole).toString() == imageId)
            return item(row);
    }
    return nullptr;
}

} // namespace nara::referrals

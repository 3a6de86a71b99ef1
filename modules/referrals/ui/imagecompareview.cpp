#include "referrals/ui/imagecompareview.h"

#include "referrals/ui/skinimagecanvas.h"
#include "referrals/ui/skinimageviewer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>

namespace nara::referrals {

namespace {

QLabel *sideLabel(const QString &name, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

} // namespace

ImageCompareView::ImageCompareView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("imageCompareView"));
    setAccessibleName(tr("Compare images"));

    m_leftLabel = sideLabel(QStringLiteral("compareCurrentLabel"), tr("This image"), this);
    m_rightLabel = sideLabel(QStringLiteral("compareEarlierLabel"), tr("Compared with"), this);
    m_choices = new QComboBox(this);
    m_choices->setObjectName(QStringLiteral("compareChoice"));
    m_choices->setAccessibleName(tr("Earlier image to compare with"));
    m_lock = new QCheckBox(tr("&Lock zoom"), this);
    m_lock->setObjectName(QStringLiteral("compareLockZoom"));
    m_lock->setAccessibleName(tr("Lock zoom"));
    m_lock->setChecked(true);

    m_left = new SkinImageViewer(this);
    m_left->setObjectName(QStringLiteral("compareLeftViewer"));
    m_right = new SkinImageViewer(this);
    m_right->setObjectName(QStringLiteral("compareRightViewer"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_leftLabel, 0, 0);
    layout->addWidget(m_choices, 0, 1);
    layout->addWidget(m_rightLabel, 1, 1);
    layout->addWidget(m_lock, 1, 0);
    layout->addWidget(m_left, 2, 0);
    layout->addWidget(m_right, 2, 1);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);
    layout->setRowStretch(2, 1);

    connect(m_choices, &QComboBox::currentIndexChanged, this, &ImageCompareView::chosen);
    connect(m_left->canvas(), &SkinImageCanvas::viewChanged, this, [this] { follow(m_left, m_right); });
    connect(m_right->canvas(), &SkinImageCanvas::viewChanged, this, [this] { follow(m_right, m_left); });
    connect(m_lock, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            follow(m_left, m_right);
    });
    connect(m_left, &SkinImageViewer::retryRequested, this, [this] { Q_EMIT retryRequested(m_currentId); });
    connect(m_right, &SkinImageViewer::retryRequested, this, [this] {
        if (const QString id = chosenImageId(); !id.isEmpty())
            Q_EMIT retryRequested(id);
    });
}

ImageCompareView::~ImageCompareView() = default;

void ImageCompareView::setCurrent(const QString &imageId, const QString &label, const QImage &image)
{
    m_leftLabel->setText(tr("This image: %1").arg(label));
    const bool same = imageId == m_currentId && m_left->canvas()->hasImage();
    m_currentId = imageId;
    if (!image.isNull())
        place(m_left, m_right, image);
    else if (!same)
        m_left->showLoading();
}

void ImageCompareView::setChoices(const QList<CompareChoice> &choices)
{
    const QString chosenBefore = chosenImageId();
    {
        const QSignalBlocker blocker(m_choices);
        m_choices->clear();
        for (const CompareChoice &choice : choices)
            m_choices->addItem(choice.label, choice.imageId);
        const int keep = m_choices->findData(chosenBefore);
        m_choices->setCurrentIndex(keep >= 0 ? keep : (choices.isEmpty() ? -1 : 0));
    }
    if (chosenImageId() != chosenBefore || chosenBefore.isEmpty())
        chosen();
}

QString ImageCompareView::chosenImageId() const
{
    return m_choices->currentData().toString();
}

void ImageCompareView::choose(const QString &imageId)
{
    const int index = m_choices->findData(imageId);
    if (index >= 0)
        m_choices->setCurrentIndex(index);
}

void ImageCompareView::chosen()
{
    const QString id = chosenImageId();
    if (id.isEmpty()) {
        m_rightLabel->setText(tr("No earlier image to compare with."));
        m_right->clear();
        return;
    }
    m_rightLabel->setText(tr("Compared with: %1").arg(m_choices->currentText()));
    m_right->showLoading();
    Q_EMIT imageWanted(id);
}

void ImageCompareView::setImage(const QString &imageId, const QImage &image)
{
    if (imageId.isEmpty() || image.isNull())
        return;
    if (imageId == m_currentId)
        place(m_left, m_right, image);
    if (imageId == chosenImageId())
        place(m_right, m_left, image);
}

void ImageCompareView::place(SkinImageViewer *side, SkinImageViewer *other, const QImage &image)
{
    // A new image starts fitted: with the zoom locked it takes the other side's view instead, and
    // the other side keeps it.
    m_following = true;
    side->setImage(image);
    m_following = false;
    follow(other, side);
}

void ImageCompareView::setImageUnavailable(const QString &imageId, const QString &reason)
{
    if (imageId.isEmpty())
        return;
    if (imageId == m_currentId)
        m_left->showUnavailable(reason);
    if (imageId == chosenImageId())
        m_right->showUnavailable(reason);
}

void ImageCompareView::setImageLoading(const QString &imageId)
{
    if (imageId.isEmpty())
        return;
    if (imageId == m_currentId && !m_left->canvas()->hasImage())
        m_left->showLoading();
    if (imageId == chosenImageId() && !m_right->canvas()->hasImage())
        m_right->showLoading();
}

bool ImageCompareView::isLocked() const
{
    return m_lock->isChecked();
}

void ImageCompareView::setLocked(bool locked)
{
    m_lock->setChecked(locked);
}

void ImageCompareView::follow(SkinImageViewer *from, SkinImageViewer *to)
{
    if (m_following || !isLocked() || !from->canvas()->hasImage() || !to->canvas()->hasImage())
        return;
    m_following = true;
    to->canvas()->setViewState(from->canvas()->viewState());
    m_following = false;
}

} // namespace nara::referrals

#include "foundation/ui/panewidgets.h"

#include <QAction>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QStringBuilder>
#include <QWidget>

namespace nara::ui {

ShortcutButton makeShortcutButton(QWidget *pane, const QString &name, const QString &text, const QKeySequence &key)
{
    QString plain = text;
    plain.remove(QLatin1Char('&'));
    auto *action = new QAction(plain, pane);
    action->setObjectName(name + QStringLiteral("Action"));
    action->setShortcut(key);
    action->setShortcutContext(Qt::WindowShortcut);
    pane->addAction(action);
    auto *button = new QPushButton(text, pane);
    button->setObjectName(name);
    button->setAccessibleName(QString(plain).remove(QStringLiteral("…")));
    button->setToolTip(plain % u" (" % key.toString(QKeySequence::NativeText) % u')');
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    QObject::connect(action, &QAction::enabledChanged, button, &QPushButton::setEnabled);
    return {action, button};
}

QLabel *makeHeaderLabel(QWidget *pane, const QString &name)
{
    auto *label = new QLabel(pane);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    label->setFont(font);
    return label;
}

QLabel *makeTextLabel(QWidget *parent, const QString &name, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *makeSectionHeading(QWidget *parent, const QString &text)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace nara::ui

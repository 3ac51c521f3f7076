#pragma once

#include <QStyledItemDelegate>

// Paints one Job of JobListModel as title, state/status line and a progress
// bar (a busy bar while the total is unknown), so the Activity panel needs
// no per-row widgets.
class JobProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

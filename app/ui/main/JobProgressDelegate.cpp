#include "JobProgressDelegate.h"

#include "jobs/JobListModel.h"

#include <QApplication>
#include <QPainter>

namespace {
constexpr int kMargin = 4;
constexpr int kBarHeight = 10;
} // namespace

QSize JobProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return {200, kMargin * 3 + line * 2 + kBarHeight};
}

void JobProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Background and selection only; the text is laid out below.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const auto state = index.data(JobListModel::StateRole).value<Job::State>();
    const double progress = index.data(JobListModel::ProgressRole).toDouble();
    const QString error = index.data(JobListModel::ErrorRole).toString();
    const QString status = index.data(JobListModel::StatusRole).toString();
    const bool finished =
        state == Job::State::Succeeded || state == Job::State::Failed || state == Job::State::Cancelled;

    const int line = option.fontMetrics.height();
    QRect r = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    const QString title = index.data(Qt::DisplayRole).toString();
    painter->drawText(QRect(r.left(), r.top(), r.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(title, Qt::ElideRight, r.width()));
    painter->setFont(option.font);
    QString detail = Job::stateName(state);
    if (state == Job::State::Failed && !error.isEmpty())
        detail += QStringLiteral(": ") + error;
    else if (!status.isEmpty() && !finished)
        detail += QStringLiteral(": ") + status;
    if (state == Job::State::Failed && !selected)
        painter->setPen(QColor(0xb0, 0x20, 0x20));
    painter->drawText(QRect(r.left(), r.top() + line + kMargin, r.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(detail, Qt::ElideRight, r.width()));
    painter->restore();

    QStyleOptionProgressBar bar;
    bar.rect = QRect(r.left(), r.top() + 2 * line + 2 * kMargin, r.width(), kBarHeight);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.minimum = 0;
    // min == max draws the busy indicator for an unknown total.
    const bool busy = !finished && progress < 0;
    bar.maximum = busy ? 0 : 1000;
    bar.progress =
        finished ? (state == Job::State::Succeeded ? 1000 : int(qMax(0.0, progress) * 1000)) : int(progress * 1000);
    bar.textVisible = false;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

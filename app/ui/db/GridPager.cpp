#include "ui/db/GridPager.h"

#include "db/TableModel.h"

#include <QScrollBar>
#include <QTableView>
#include <QTimer>

namespace dbui {

GridPager::GridPager(QTableView *view, db::TableModel *model, QObject *parent)
    : QObject(parent), m_view(view), m_model(model)
{
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &GridPager::fetchPreviousIfAtTop);
    connect(model, &db::TableModel::pageLoaded, this, &GridPager::pageLoaded);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        if (first == 0 && m_model->rowCount() > last + 1) // a page prepended, not the first page
            keepTopRow(last - first + 1);
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first, int last) {
        if (first == 0)
            keepTopRow(-(last - first + 1));
    });
}

void GridPager::jumpToEnd()
{
    if (!m_model || !m_model->table().isValid())
        return;
    m_scrollToEndPending = true;
    m_model->jumpToEnd();
}

void GridPager::pageLoaded()
{
    if (m_scrollToEndPending) {
        m_scrollToEndPending = false;
        m_view->scrollToBottom();
    }
    // A short window (no scroll bar yet) at the top never emits valueChanged.
    QTimer::singleShot(0, this, &GridPager::fetchPreviousIfAtTop);
}

void GridPager::fetchPreviousIfAtTop()
{
    QScrollBar *bar = m_view->verticalScrollBar();
    if (m_model && bar->value() == bar->minimum() && m_model->canFetchPrevious())
        m_model->fetchPrevious();
}

void GridPager::keepTopRow(int shift)
{
    const int from = m_view->verticalScrollBar()->value(); // per-item scrolling: value = top row
    const int target = from + shift;
    // The scroll range follows the new row count only after the view's delayed
    // layout, so the restore waits for the event loop. If the user scrolled
    // in the meantime (say, to the top right after the last page came in),
    // their position wins: an old restore must not drag the view back.
    QTimer::singleShot(0, this, [this, from, target] {
        if (!m_model || m_view->verticalScrollBar()->value() != from)
            return;
        if (target >= 0 && target < m_model->rowCount())
            m_view->scrollTo(m_model->index(target, qMax(0, m_view->columnAt(0))), QAbstractItemView::PositionAtTop);
    });
}

} // namespace dbui

#pragma once

#include <QObject>
#include <QPointer>

class QTableView;

namespace db {
class TableModel;
}

namespace dbui {

// Scrolling glue between a QTableView and the windowed db::TableModel. The view
// asks for rows below by itself (canFetchMore/fetchMore); this asks for the page
// above when the user reaches the top of the window, scrolls to the bottom after a
// jump to the end, and keeps the rows under the user's eyes in place while the
// model prepends pages or drops rows far behind.
class GridPager : public QObject
{
    Q_OBJECT
public:
    GridPager(QTableView *view, db::TableModel *model, QObject *parent = nullptr);

    void jumpToEnd();

private:
    void pageLoaded();
    void fetchPreviousIfAtTop();
    void keepTopRow(int shift);

    QTableView *m_view;
    QPointer<db::TableModel> m_model;
    bool m_scrollToEndPending = false;
};

} // namespace dbui

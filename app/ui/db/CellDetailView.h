#pragma once

#include <QWidget>

class QLabel;
class QModelIndex;
class QPlainTextEdit;

namespace dbui {

// The side panel with the full value of the current cell (the grid truncates):
// text verbatim, JSON pretty-printed, bytea as a hex dump. Read-only; editing
// happens in the grid.
class CellDetailView : public QWidget
{
    Q_OBJECT
public:
    explicit CellDetailView(QWidget *parent = nullptr);

    void showIndex(const QModelIndex &index);
    void clear();
    QString text() const;
    QString summary() const;

private:
    QLabel *m_summary;
    QPlainTextEdit *m_text;
};

} // namespace dbui

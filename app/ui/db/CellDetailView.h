#pragma once

#include <QWidget>

class QLabel;
class QModelIndex;
class QPlainTextEdit;
class QToolButton;

namespace dbui {

// The side panel with the value of the current cell (the grid truncates):
// text verbatim, JSON pretty-printed, bytea as a hex dump, each bounded in what
// is laid out (DetailText::preview); Copy value copies the whole value.
// Read-only; editing happens in the grid.
class CellDetailView : public QWidget
{
    Q_OBJECT
public:
    explicit CellDetailView(QWidget *parent = nullptr);

    void showIndex(const QModelIndex &index);
    void clear();
    QString text() const;
    QString summary() const;
    // Copies the whole current value (not just what is shown) to the clipboard.
    void copyValue();

private:
    QLabel *m_summary;
    QToolButton *m_copy;
    QPlainTextEdit *m_text;
    QString m_value; // the whole value shown (implicitly shared with the model's copy)
};

} // namespace dbui

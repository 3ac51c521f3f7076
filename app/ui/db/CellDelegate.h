#pragma once

#include <QStyledItemDelegate>

namespace dbui {

// Draws grid cells from the shared grid roles (db/GridRoles.h): SQL NULL as a grey
// italic "NULL" so it never looks like an empty string, pending edits and inserted
// rows tinted, deleted rows struck through, numbers right-aligned. The editor starts
// from the full value, not the truncated preview.
class CellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The text and font the view would draw for `index` (tests and screenshots).
    QString displayedText(const QModelIndex &index) const;
    QStyleOptionViewItem styledOption(const QModelIndex &index) const;

    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    // An editor the user did not type in writes nothing: F2 then Enter on a NULL
    // cell left it NULL, not '' (which failed on an int column, or saved an empty bytea).
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace dbui

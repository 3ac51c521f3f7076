#include "ui/db/CellDelegate.h"

#include "db/CellFormat.h"
#include "db/GridRoles.h"

#include <QLineEdit>

namespace dbui {

namespace {
const QColor kPendingEdit(255, 236, 153); // amber: changed, not saved
const QColor kInserted(200, 240, 200);
const QColor kDeleted(245, 200, 200);
} // namespace

void CellDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(db::IsNullRole).toBool()) {
        option->text = db::CellFormat::nullText();
        option->font.setItalic(true);
        option->palette.setColor(QPalette::Text, QColor(128, 128, 128));
        option->palette.setColor(QPalette::HighlightedText, QColor(200, 200, 200));
    }
    // A new row's untouched cell gets the column default on save: say so, quietly.
    const auto state = db::RowState(index.data(db::RowStateRole).toInt());
    if (state == db::RowState::Inserted && !index.data(db::FullValueRole).isValid()
        && !index.data(db::IsNullRole).toBool()) {
        option->font.setItalic(true);
        option->palette.setColor(QPalette::Text, QColor(110, 110, 110));
    }
    if (db::CellFormat::isNumericType(index.data(db::TypeNameRole).toString()))
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;

    const auto rowState = db::RowState(index.data(db::RowStateRole).toInt());
    if (rowState == db::RowState::Deleted) {
        option->font.setStrikeOut(true);
        option->backgroundBrush = kDeleted;
    } else if (rowState == db::RowState::Inserted) {
        option->backgroundBrush = kInserted;
    }
    if (index.data(db::PendingEditRole).toBool()) {
        option->backgroundBrush = kPendingEdit;
        option->font.setBold(true);
    }
}

QStyleOptionViewItem CellDelegate::styledOption(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initStyleOption(&option, index);
    return option;
}

QString CellDelegate::displayedText(const QModelIndex &index) const
{
    return styledOption(index).text;
}

void CellDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    // Edit the whole value: the display text may be cut ("…") or a bytea preview.
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        const QVariant full = index.data(db::FullValueRole);
        line->setText(full.isValid() ? full.toString() : QString());
        line->setPlaceholderText(index.data(db::IsNullRole).toBool() ? db::CellFormat::nullText() : QString());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void CellDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *line = qobject_cast<QLineEdit *>(editor); line && !line->isModified())
        return;
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace dbui

#include "ui/db/CellDetailView.h"

#include "db/GridRoles.h"
#include "ui/db/DetailText.h"

#include <QFontDatabase>
#include <QLabel>
#include <QModelIndex>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace dbui {

CellDetailView::CellDetailView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setAccessibleName(tr("Full cell value"));
    layout->addWidget(m_summary);
    layout->addWidget(m_text, 1);
    clear();
}

void CellDetailView::showIndex(const QModelIndex &index)
{
    if (!index.isValid()) {
        clear();
        return;
    }
    const bool isNull = index.data(db::IsNullRole).toBool();
    const QString type = index.data(db::TypeNameRole).toString();
    const QString full = index.data(db::FullValueRole).toString();
    const QString column = index.model()->headerData(index.column(), Qt::Horizontal, Qt::DisplayRole).toString();
    m_summary->setText(DetailText::summary(column, type, full, isNull));
    if (isNull) {
        m_text->setPlainText(QString());
        m_text->setPlaceholderText(tr("NULL (no value)"));
    } else {
        m_text->setPlaceholderText(tr("(empty string)"));
        m_text->setPlainText(DetailText::format(type, full));
    }
}

void CellDetailView::clear()
{
    m_summary->setText(tr("Select a cell to see its full value."));
    m_text->setPlaceholderText(QString());
    m_text->clear();
}

QString CellDetailView::text() const
{
    return m_text->toPlainText();
}

QString CellDetailView::summary() const
{
    return m_summary->text();
}

} // namespace dbui

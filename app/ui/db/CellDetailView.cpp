#include "ui/db/CellDetailView.h"

#include "db/GridRoles.h"
#include "ui/db/DetailText.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QModelIndex>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace dbui {

CellDetailView::CellDetailView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_copy(new QToolButton(this)), m_text(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_copy->setObjectName(QStringLiteral("copyValueButton"));
    m_copy->setText(tr("&Copy value"));
    m_copy->setToolTip(tr("Copy the whole value of the cell, also the part not shown"));
    connect(m_copy, &QToolButton::clicked, this, &CellDetailView::copyValue);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setMinimumSize(60, 32); // scrolls rather than holding the window big (issue 9.11)
    m_text->setAccessibleName(tr("Full cell value"));
    auto *header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    header->addWidget(m_copy);
    layout->addLayout(header);
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
    QString summary = DetailText::summary(column, type, full, isNull);
    m_value = isNull ? QString() : full;
    m_copy->setEnabled(!isNull);
    if (isNull) {
        m_text->setPlainText(QString());
        m_text->setPlaceholderText(tr("NULL (no value)"));
    } else {
        m_text->setPlaceholderText(tr("(empty string)"));
        const DetailText::Preview p = DetailText::preview(type, full);
        if (p.truncated)
            summary += tr(" · showing the first %L1 characters").arg(DetailText::kMaxPreviewChars);
        m_text->setPlainText(p.text);
    }
    m_summary->setText(summary);
}

void CellDetailView::copyValue()
{
    QGuiApplication::clipboard()->setText(m_value);
}

void CellDetailView::clear()
{
    m_summary->setText(tr("Select a cell to see its full value."));
    m_value.clear();
    m_copy->setEnabled(false);
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

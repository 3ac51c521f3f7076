#include "TypedConfirmDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

TypedConfirmDialog::TypedConfirmDialog(const QString &title, const QString &message, QString expected, QWidget *parent)
    : QDialog(parent), m_expected(std::move(expected)), m_edit(new QLineEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    icon->setAlignment(Qt::AlignTop);
    auto *text = new QLabel(message, this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    row->addWidget(icon);
    row->addWidget(text, 1);
    layout->addLayout(row);
    auto *prompt = new QLabel(tr("Type &%1 to confirm:").arg(m_expected), this);
    prompt->setBuddy(m_edit);
    layout->addWidget(prompt);
    m_edit->setObjectName(QStringLiteral("confirmEdit"));
    m_edit->setAccessibleName(tr("Confirmation"));
    layout->addWidget(m_edit);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Replace the database"));
    ok->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(false);
    layout->addWidget(m_buttons);
    connect(m_edit, &QLineEdit::textChanged, this, [this, ok] { ok->setEnabled(matches()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (matches())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 36);
}

void TypedConfirmDialog::setAcceptText(const QString &text)
{
    m_buttons->button(QDialogButtonBox::Ok)->setText(text);
}

QString TypedConfirmDialog::typed() const
{
    return m_edit->text();
}

bool TypedConfirmDialog::matches() const
{
    return m_edit->text() == m_expected;
}

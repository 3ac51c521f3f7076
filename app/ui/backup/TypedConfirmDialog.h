#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

// A destructive action on prod data goes ahead only once the user has typed
// the expected word (the stack name): OK stays disabled until the text matches
// exactly. Enter accepts only then; Escape cancels.
class TypedConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    TypedConfirmDialog(const QString &title, const QString &message, QString expected, QWidget *parent = nullptr);

    QString typed() const;
    void setAcceptText(const QString &text);
    QLineEdit *lineEdit() const { return m_edit; }
    bool matches() const;

private:
    QString m_expected;
    QLineEdit *m_edit;
    QDialogButtonBox *m_buttons;
};

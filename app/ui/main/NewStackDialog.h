#pragma once

#include "stack/NewStack.h"

#include <QDialog>
#include <QMap>
#include <QPointer>

#include <memory>

class Job;
class QPushButton;
class QSpinBox;
namespace async {
class Worker;
}
namespace Ui {
class NewStackDialog;
}

// File > New stack…: folder, name, free ports (editable), git or not; Create
// runs NewStack::create as a cancellable Job on a worker, its log shown below.
// Refusals (a non-empty folder, an invalid name) are said under the fields
// before anything is written; the engine's (a clashing name) come from
// `run --init-env` as its one sentence. On success createdDir() is the stack.
class NewStackDialog : public QDialog
{
    Q_OBJECT
public:
    // `knownStacks`: folders of stacks the app knows (recent ones), whose
    // declared ports the new stack must not take.
    NewStackDialog(const QString &templateDir, const QStringList &knownStacks, QWidget *parent = nullptr);
    ~NewStackDialog() override;

    void setFolder(const QString &dir);
    QString createdDir() const { return m_created; }
    Job *job() const { return m_job; }
    NewStack::Settings settings() const;
    QSpinBox *portBox(const QString &key) const { return m_ports.value(key); }

    void reject() override;

private:
    void validate();
    void create();

    std::unique_ptr<Ui::NewStackDialog> m_ui;
    std::unique_ptr<async::Worker> m_worker;
    QString m_template;
    QMap<QString, QSpinBox *> m_ports;
    QPushButton *m_create = nullptr;
    QPointer<Job> m_job;
    QString m_created;
    bool m_nameEdited = false;
};

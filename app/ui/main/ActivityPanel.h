#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>

class Job;
class JobListModel;
namespace Ui {
class ActivityPanel;
}

// Every Job the app started, with progress bars, the selected Job's output
// and a Cancel button. The newest Job is selected when it starts so the user
// sees an Up's output stream in without clicking.
class ActivityPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityPanel(QWidget *parent = nullptr);
    ~ActivityPanel() override;

    void setModel(JobListModel *model);
    Job *selectedJob() const;
    QAction *cancelAction() const { return m_cancelAction; }
    // The Cancel button shows this action (the window owns it for the menu).
    void setCancelAction(QAction *action);

private:
    void showJob(Job *job);
    void updateCancel();

    std::unique_ptr<Ui::ActivityPanel> m_ui;
    JobListModel *m_model = nullptr;
    QPointer<Job> m_shown;
    QAction *m_cancelAction = nullptr;
};

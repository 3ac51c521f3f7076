#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>

class Job;
class StackSession;
namespace Ui {
class SwarmPanel;
}

// The "Swarm" tab, shown while the engine is a Docker Swarm manager: this
// stack's services (`<STACK_NAME>-swarm`) with running/desired replicas and
// update state, their tasks with node, state and error, and Deploy, Scale and
// Remove as compose/run -9 Jobs (cancellable, also in the Activity panel).
// Live from the engine's /events through StackSession::swarm(); the progress
// bar shows a running Scale's replicas, and a rolling update's tasks on the
// new spec.
class SwarmPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SwarmPanel(StackSession *session, QWidget *parent = nullptr);
    ~SwarmPanel() override;

    // For tests: the buttons act as a user's click would.
    void deploy();
    void scale(int replicas);
    void remove(bool confirmed = false);
    Job *currentJob() const;

private:
    void updateStatus();
    void updateActions();
    void updateProgress();
    void follow(Job *job);
    int webRow() const;

    std::unique_ptr<Ui::SwarmPanel> m_ui;
    StackSession *m_session;
    QPointer<Job> m_job;
    int m_scaleTarget = -1; // while a Scale runs
    int m_scaleFrom = 0;    // web's running tasks when it began
    bool m_spinTouched = false;
};

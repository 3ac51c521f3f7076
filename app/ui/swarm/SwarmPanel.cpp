#include "SwarmPanel.h"

#include "jobs/Job.h"
#include "stack/StackSession.h"
#include "swarm/SwarmModels.h"
#include "swarm/SwarmMonitor.h"
#include "ui_SwarmPanel.h"

#include <QHeaderView>
#include <QMessageBox>
#include <QStyle>

#include <algorithm>
#include <cstdlib>

namespace {
constexpr int kBarRange = 1000;
}

SwarmPanel::SwarmPanel(StackSession *session, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SwarmPanel>()), m_session(session)
{
    m_ui->setupUi(this);
    QStyle *s = style();
    m_ui->deployButton->setIcon(s->standardIcon(QStyle::SP_MediaPlay));
    m_ui->removeButton->setIcon(s->standardIcon(QStyle::SP_TrashIcon));
    m_ui->cancelButton->setIcon(s->standardIcon(QStyle::SP_DialogCancelButton));
    m_ui->progressBar->setRange(0, kBarRange);
    m_ui->serviceView->setModel(session->swarmServices());
    m_ui->taskView->setModel(session->swarmTasks());
    for (QTableView *view : {m_ui->serviceView, m_ui->taskView}) {
        view->verticalHeader()->hide();
        view->horizontalHeader()->setStretchLastSection(true);
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    }
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('m'));
    m_ui->serviceView->setColumnWidth(SwarmServiceModel::NameColumn, 10 * em);
    m_ui->serviceView->setColumnWidth(SwarmServiceModel::ReplicasColumn, 7 * em);
    m_ui->serviceView->setColumnWidth(SwarmServiceModel::ImageColumn, 22 * em);
    m_ui->taskView->setColumnWidth(SwarmTaskModel::TaskColumn, 8 * em);
    m_ui->taskView->setColumnWidth(SwarmTaskModel::NodeColumn, 10 * em);
    m_ui->taskView->setColumnWidth(SwarmTaskModel::StateColumn, 7 * em);
    m_ui->taskView->setColumnWidth(SwarmTaskModel::DesiredColumn, 7 * em);
    m_ui->taskView->setColumnWidth(SwarmTaskModel::ErrorColumn, 18 * em);

    connect(m_ui->deployButton, &QPushButton::clicked, this, &SwarmPanel::deploy);
    connect(m_ui->scaleButton, &QPushButton::clicked, this, [this] { scale(m_ui->replicasSpin->value()); });
    connect(m_ui->removeButton, &QPushButton::clicked, this, [this] { remove(); });
    connect(m_ui->cancelButton, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
    });
    // Only Scale (Alt+E) scales: leaving the spin box must not start a job.
    connect(m_ui->replicasSpin, &QSpinBox::valueChanged, this, [this] { m_spinTouched = true; });

    SwarmMonitor *swarm = session->swarm();
    connect(swarm, &SwarmMonitor::changed, this, [this] {
        updateStatus();
        updateProgress();
        updateActions();
    });
    connect(session, &StackSession::presented, this, &SwarmPanel::updateStatus);
    connect(session, &StackSession::jobsChanged, this, &SwarmPanel::updateActions);
    updateStatus();
    updateProgress();
    updateActions();
}

SwarmPanel::~SwarmPanel() = default;

Job *SwarmPanel::currentJob() const
{
    return m_job.data();
}

int SwarmPanel::webRow() const
{
    return m_session->swarmServices()->rowOf(QStringLiteral("web"));
}

void SwarmPanel::updateStatus()
{
    const SwarmMonitor *swarm = m_session->swarm();
    const SwarmState &st = swarm->snapshot().swarm;
    const QString stack = m_session->swarmStackName();
    QString text;
    if (!swarm->problem().isEmpty())
        text = tr("Could not read the swarm: %1").arg(swarm->problem());
    else if (!st.isManager())
        text = tr("This engine is not a swarm manager. Run docker swarm init on it, or open the app on a manager.");
    else if (m_session->swarmServices()->rowCount() == 0)
        text = tr("Swarm manager (%n node(s)). %1 is not deployed: Deploy pushes the web image and starts it.", "",
                  st.nodes)
                   .arg(stack);
    else
        text = tr("Swarm manager (%n node(s)). Stack %1, from this folder's compose/docker-compose.swarm.yml.", "",
                  st.nodes)
                   .arg(stack);
    m_ui->statusLabel->setText(text);

    // The spin box follows web's replicas until the user changes it.
    const int row = webRow();
    if (row >= 0 && !m_spinTouched && m_scaleTarget < 0) {
        const QSignalBlocker block(m_ui->replicasSpin);
        m_ui->replicasSpin->setValue(m_session->swarmServices()->service(row)->desired);
    }
}

void SwarmPanel::updateProgress()
{
    const SwarmServiceModel *services = m_session->swarmServices();
    const int row = webRow();
    const SwarmService *web = services->service(row);
    QString text;
    double fraction = -1;
    // A rolling update of any service comes first: it is what the user waits for.
    for (int r = 0; r < services->rowCount(); ++r) {
        const SwarmService *s = services->service(r);
        if (s->isUpdating()) {
            const QModelIndex i = services->index(r, SwarmServiceModel::UpdateColumn);
            fraction = i.data(SwarmServiceModel::UpdateProgressRole).toDouble();
            text = tr("%1 %2").arg(i.siblingAtColumn(SwarmServiceModel::NameColumn).data().toString(),
                                   i.data().toString());
            break;
        }
    }
    if (fraction < 0 && m_scaleTarget >= 0 && web) {
        // How far from where it started toward the target, up or down.
        const int running = std::max(0, web->running);
        const int span = std::abs(m_scaleTarget - m_scaleFrom);
        fraction = span == 0 ? 1.0 : std::clamp(double(std::abs(running - m_scaleFrom)) / span, 0.0, 1.0);
        text = tr("web: %1 of %2 replicas running").arg(running).arg(m_scaleTarget);
    }
    if (fraction < 0 && m_job && !m_job->isFinished()) {
        m_ui->progressBar->setRange(0, 0); // busy: deploy and remove report no count
        m_ui->progressLabel->setText(m_job->statusText().isEmpty() ? m_job->title() : m_job->statusText());
        m_ui->progressBar->setVisible(true);
        return;
    }
    m_ui->progressBar->setRange(0, kBarRange);
    m_ui->progressBar->setVisible(fraction >= 0);
    m_ui->progressBar->setValue(fraction < 0 ? 0 : int(fraction * kBarRange));
    if (fraction < 0 && m_job && m_job->isFinished())
        text = m_job->state() == Job::State::Succeeded ? tr("%1: done").arg(m_job->title())
                                                       : tr("%1: %2").arg(m_job->title(), m_job->errorString());
    m_ui->progressLabel->setText(text);
}

void SwarmPanel::updateActions()
{
    const bool manager = m_session->swarm()->isManager();
    const bool idle = !m_job || m_job->isFinished();
    const bool deployed = m_session->swarmServices()->rowCount() > 0;
    m_ui->deployButton->setEnabled(manager && idle);
    m_ui->scaleButton->setEnabled(manager && idle && webRow() >= 0);
    m_ui->replicasSpin->setEnabled(manager && webRow() >= 0);
    m_ui->removeButton->setEnabled(manager && idle && deployed);
    m_ui->cancelButton->setEnabled(!idle);
}

void SwarmPanel::follow(Job *job)
{
    m_job = job;
    connect(job, &Job::progressChanged, this, &SwarmPanel::updateProgress);
    connect(job, &Job::finished, this, [this] {
        m_scaleTarget = -1;
        m_spinTouched = false;
        updateStatus();
        updateProgress();
        updateActions();
    });
    updateProgress();
    updateActions();
}

void SwarmPanel::deploy()
{
    if (m_job && !m_job->isFinished())
        return;
    follow(m_session->swarmDeploy());
}

void SwarmPanel::scale(int replicas)
{
    if ((m_job && !m_job->isFinished()) || webRow() < 0)
        return;
    const SwarmService *web = m_session->swarmServices()->service(webRow());
    if (web->desired == replicas && web->running == replicas)
        return; // nothing to change
    m_scaleTarget = replicas;
    m_scaleFrom = std::max(0, web->running);
    follow(m_session->swarmScale(replicas));
}

void SwarmPanel::remove(bool confirmed)
{
    if (m_job && !m_job->isFinished())
        return;
    if (!confirmed) {
        const auto answer = QMessageBox::question(
            this, tr("Remove from the swarm"),
            tr("Stop and remove every service of %1? Its database volume and its secrets are kept; Deploy starts it "
               "again on the same data.")
                .arg(m_session->swarmStackName()),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    follow(m_session->swarmRemove());
}

#include "ActivityPanel.h"

#include "JobProgressDelegate.h"
#include "jobs/JobListModel.h"
#include "ui_ActivityPanel.h"

#include <QAction>
#include <QScrollBar>

ActivityPanel::ActivityPanel(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::ActivityPanel>())
{
    m_ui->setupUi(this);
    m_ui->jobView->setItemDelegate(new JobProgressDelegate(this));
    m_ui->activitySplitter->setStretchFactor(0, 1);
    m_ui->activitySplitter->setStretchFactor(1, 1);
    m_ui->cancelButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
}

ActivityPanel::~ActivityPanel() = default;

void ActivityPanel::setCancelAction(QAction *action)
{
    m_cancelAction = action;
    action->setIconText(action->text()); // keep the mnemonic on the tool button
    m_ui->cancelButton->setDefaultAction(action);
    connect(action, &QAction::triggered, this, [this] {
        if (Job *job = selectedJob())
            job->cancel();
    });
    updateCancel();
}

void ActivityPanel::setModel(JobListModel *model)
{
    m_model = model;
    m_ui->jobView->setModel(model);
    connect(m_ui->jobView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showJob(m_model->jobAt(current.row())); });
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int, int last) { m_ui->jobView->setCurrentIndex(m_model->index(last)); });
    connect(model, &QAbstractItemModel::dataChanged, this, &ActivityPanel::updateCancel);
}

Job *ActivityPanel::selectedJob() const
{
    return m_model ? m_model->jobAt(m_ui->jobView->currentIndex().row()) : nullptr;
}

void ActivityPanel::showJob(Job *job)
{
    if (m_shown)
        disconnect(m_shown, &Job::logAppended, this, nullptr);
    m_shown = job;
    m_ui->jobLog->clear();
    if (job) {
        m_ui->jobLog->setPlainText(job->log().join(QLatin1Char('\n')));
        connect(job, &Job::logAppended, this, [this](const QString &line) {
            QScrollBar *bar = m_ui->jobLog->verticalScrollBar();
            const bool atEnd = bar->value() == bar->maximum();
            m_ui->jobLog->appendPlainText(line);
            if (atEnd)
                bar->setValue(bar->maximum());
        });
    }
    updateCancel();
}

void ActivityPanel::updateCancel()
{
    if (!m_cancelAction)
        return;
    const Job *job = selectedJob();
    m_cancelAction->setEnabled(job && !job->isFinished() && !job->isCancelRequested());
}

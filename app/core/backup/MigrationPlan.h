#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <optional>

// Django's view of a mode's migrations, as `run -8 migrations MODE --json`
// prints it (one JSON object: applied, pending, unmigrated_changes).
struct MigrationPlan
{
    QStringList applied;        // in the order they were planned (dependencies first)
    QStringList pending;        // in the order migrate would apply them
    QStringList unmigratedApps; // apps whose models have changes no migration holds

    // The object from the run's output lines (the last line that is one); nullopt when none is.
    static std::optional<MigrationPlan> fromRunOutput(const QStringList &lines);
};

// Applied then pending migrations, one row each: Migration, State.
class MigrationListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StateColumn, ColumnCount };
    enum Role { PendingRole = Qt::UserRole + 1 };

    explicit MigrationListModel(QObject *parent = nullptr);

    void setPlan(const MigrationPlan &plan);
    void clear();
    const MigrationPlan &plan() const { return m_plan; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    MigrationPlan m_plan;
};

#pragma once

#include "db/GridRoles.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>
#include <QVector>

namespace db {

// Rows of an SQL console query, read-only. Filled by QueryRunner (the first batch
// with the result, more on fetchMore through the open cursor); formatting is the
// same as the table grid's (CellFormat).
class QueryResultModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit QueryResultModel(QObject *parent = nullptr);

    struct Column
    {
        QString name;
        QString typeName; // pg_type.typname
    };
    void setResult(const QVector<Column> &columns, QVector<QVector<QVariant>> rows, bool more);
    void appendRows(QVector<QVector<QVariant>> rows, bool more);
    void clear();
    QVector<Column> resultColumns() const { return m_columns; }
    bool hasMoreRows() const { return m_more; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void moreRowsRequested();

private:
    QVector<Column> m_columns;
    QVector<QVector<QVariant>> m_rows; // QString per cell; invalid QVariant = NULL
    bool m_more = false;
    bool m_fetching = false;
};

} // namespace db

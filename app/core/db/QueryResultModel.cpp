#include "db/QueryResultModel.h"

#include "db/CellFormat.h"

namespace db {

QueryResultModel::QueryResultModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void QueryResultModel::setResult(const QVector<Column> &columns, QVector<QVector<QVariant>> rows, bool more)
{
    beginResetModel();
    m_columns = columns;
    m_rows = std::move(rows);
    m_more = more;
    m_fetching = false;
    endResetModel();
}

void QueryResultModel::appendRows(QVector<QVector<QVariant>> rows, bool more)
{
    m_fetching = false;
    m_more = more;
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size()) - 1);
    m_rows += std::move(rows);
    endInsertRows();
}

void QueryResultModel::clear()
{
    setResult({}, {}, false);
}

int QueryResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueryResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant QueryResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size())
        return {};
    const QVariant &v = m_rows.at(index.row()).at(index.column());
    const QString &type = m_columns.at(index.column()).typeName;
    switch (role) {
    case Qt::DisplayRole: return CellFormat::displayValue(type, v);
    case Qt::EditRole:
    case FullValueRole: return v;
    case Qt::ToolTipRole: return CellFormat::toolTip(v);
    case IsNullRole: return !v.isValid();
    case PendingEditRole: return false;
    case RowStateRole: return int(RowState::Clean);
    case TypeNameRole: return type;
    case Qt::TextAlignmentRole:
        return CellFormat::isNumericType(type) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    default: return {};
    }
}

QVariant QueryResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= 0 && section < m_columns.size()) {
        if (role == Qt::DisplayRole)
            return m_columns.at(section).name;
        if (role == Qt::ToolTipRole || role == TypeNameRole)
            return m_columns.at(section).typeName;
        return {};
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

bool QueryResultModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_fetching;
}

void QueryResultModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    Q_EMIT moreRowsRequested();
}

} // namespace db

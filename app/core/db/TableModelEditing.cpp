// TableModel: cell access and pending edits (paging lives in TableModel.cpp).
#include "db/TableModel.h"

#include "db/CellFormat.h"
#include "db/DbSession.h"
#include "db/EditBatch.h"
#include "db/PqxxExec.h"

#include "jobs/Job.h"

#include <pqxx/pqxx>

#include <QCoreApplication>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TableModelEditing)
};
} // namespace

namespace db {

const TableModel::Row *TableModel::rowAt(int row) const
{
    if (row < 0)
        return nullptr;
    if (size_t(row) < m_rows.size())
        return &m_rows[size_t(row)];
    const int i = row - int(m_rows.size());
    return i < m_inserted.size() ? &m_inserted.at(i) : nullptr;
}

TableModel::Row *TableModel::rowAt(int row)
{
    return const_cast<Row *>(std::as_const(*this).rowAt(row));
}

QVariant TableModel::currentValue(const Row &row, int column) const
{
    const auto it = row.edits.constFind(column);
    if (it != row.edits.constEnd())
        return *it;
    return row.original.value(column);
}

QVariant TableModel::data(const QModelIndex &index, int role) const
{
    const Row *row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row || index.column() >= dataColumnCount())
        return {};
    const int c = index.column();
    const bool isDefault = row->state == RowState::Inserted && !row->edits.contains(c);
    const QVariant v = currentValue(*row, c);
    switch (role) {
    case Qt::DisplayRole:
        if (isDefault)
            return QStringLiteral("DEFAULT");
        return CellFormat::displayValue(m_schema.columns.at(c).typeName, v);
    case Qt::EditRole:
    case FullValueRole: return v;
    case Qt::ToolTipRole: return CellFormat::toolTip(v);
    case IsNullRole: return !isDefault && !v.isValid();
    case PendingEditRole: return row->edits.contains(c) || row->state == RowState::Inserted;
    case RowStateRole: return int(row->state);
    case TypeNameRole: return m_schema.columns.at(c).typeName;
    case Qt::TextAlignmentRole:
        return CellFormat::isNumericType(m_schema.columns.at(c).typeName)
            ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
            : QVariant();
    default: return {};
    }
}

bool TableModel::isEditable() const
{
    return m_schemaReady && m_schema.hasPrimaryKey() && !m_session->isReadOnly()
        && (m_schema.relation.kind == RelationInfo::Kind::Table
            || m_schema.relation.kind == RelationInfo::Kind::PartitionedTable);
}

Qt::ItemFlags TableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    const Row *row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (row && isEditable() && row->state != RowState::Deleted)
        f |= Qt::ItemIsEditable;
    return f;
}

bool TableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    Row *row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (role != Qt::EditRole || !row || !isEditable() || row->state == RowState::Deleted
        || index.column() >= dataColumnCount())
        return false;
    // Anything null (an invalid or null QVariant) means SQL NULL; everything else is text.
    const QVariant v = (value.isValid() && !value.isNull()) ? QVariant(value.toString()) : QVariant();
    const int c = index.column();
    if (row->state != RowState::Inserted && v == row->original.value(c)
        && v.isValid() == row->original.value(c).isValid())
        row->edits.remove(c);
    else
        row->edits.insert(c, v);
    if (row->state != RowState::Inserted)
        row->state = row->edits.isEmpty() ? RowState::Clean : RowState::Modified;
    Q_EMIT dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(dataColumnCount() - 1));
    Q_EMIT pendingChangesChanged(hasPendingChanges());
    return true;
}

bool TableModel::insertRows(int, int count, const QModelIndex &parent)
{
    // New rows always go after the loaded window: where they land in the table's
    // order is only known after saving.
    if (parent.isValid() || count <= 0 || !isEditable())
        return false;
    const int first = rowCount();
    beginInsertRows({}, first, first + count - 1);
    for (int i = 0; i < count; ++i) {
        Row r;
        r.state = RowState::Inserted;
        m_inserted.append(r);
    }
    endInsertRows();
    Q_EMIT pendingChangesChanged(true);
    return true;
}

bool TableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || count <= 0 || !isEditable() || row < 0 || row + count > rowCount())
        return false;
    // Loaded rows are only marked (deleted on save); unsaved inserted rows just go.
    for (int r = row + count - 1; r >= row; --r) {
        if (size_t(r) < m_rows.size()) {
            Row &x = m_rows[size_t(r)];
            x.edits.clear();
            x.state = RowState::Deleted;
            Q_EMIT dataChanged(index(r, 0), index(r, dataColumnCount() - 1));
        } else {
            beginRemoveRows({}, r, r);
            m_inserted.removeAt(r - int(m_rows.size()));
            endRemoveRows();
        }
    }
    Q_EMIT pendingChangesChanged(hasPendingChanges());
    return true;
}

bool TableModel::hasPendingChanges() const
{
    if (!m_inserted.isEmpty())
        return true;
    return std::any_of(m_rows.begin(), m_rows.end(), [](const Row &r) { return r.state != RowState::Clean; });
}

void TableModel::revert()
{
    if (!m_inserted.isEmpty()) {
        beginRemoveRows({}, int(m_rows.size()), rowCount() - 1);
        m_inserted.clear();
        endRemoveRows();
    }
    for (size_t i = 0; i < m_rows.size(); ++i) {
        Row &r = m_rows[i];
        if (r.state == RowState::Clean)
            continue;
        r.edits.clear();
        r.state = RowState::Clean;
        Q_EMIT dataChanged(index(int(i), 0), index(int(i), dataColumnCount() - 1));
    }
    Q_EMIT pendingChangesChanged(false);
}

Job *TableModel::save()
{
    if (!isEditable() || !hasPendingChanges())
        return nullptr;
    QVector<RowChange> changes;
    for (const Row &r : m_rows) {
        if (r.state == RowState::Clean)
            continue;
        RowChange ch;
        ch.kind = r.state == RowState::Deleted ? RowChange::Kind::Delete : RowChange::Kind::Update;
        for (int pk : m_schema.primaryKey)
            ch.key.push_back(EditBatch::toParam(r.original.value(pk)));
        ch.xmin = r.xmin;
        for (auto it = r.edits.constBegin(); it != r.edits.constEnd(); ++it) {
            ch.columns << it.key();
            ch.values << it.value();
        }
        changes << ch;
    }
    for (const Row &r : m_inserted) {
        RowChange ch;
        ch.kind = RowChange::Kind::Insert;
        for (auto it = r.edits.constBegin(); it != r.edits.constEnd(); ++it) {
            ch.columns << it.key();
            ch.values << it.value();
        }
        changes << ch;
    }

    auto *job = new Job(tr("Save changes to %1").arg(m_schema.relation.ref.displayName()), this);
    job->reportStarted();
    job->reportLog(tr("%n change(s) in one transaction", "", int(changes.size())));
    const TableSchema schema = m_schema;
    auto finish = [this, job](const DbError &error) {
        if (error.isError()) {
            job->reportFailed(error.message);
            Q_EMIT saveFailed(error); // pending changes stay, so nothing the user typed is lost
            return;
        }
        job->reportSucceeded();
        Q_EMIT saved();
        reloadInPlace(); // the user stays where they were editing
    };
    m_session->submit(
        this,
        [schema, changes, finish](PqConnection &conn) -> DbSession::Continuation {
            EditBatch batch(schema, [&conn](const std::string &s) { return conn.quote_name(s); });
            try {
                pqxx::work tx(conn); // rolled back by its destructor unless committed
                // Never wait forever behind another session's lock (issue 9.4: "Saving…" forever).
                tx.exec("SET LOCAL lock_timeout = '" + std::to_string(kSaveLockTimeoutMs) + "ms'");
                for (const RowChange &ch : changes) {
                    const EditStatement st = batch.statementFor(ch);
                    const pqxx::result r = execBuilt(tx, st.query);
                    if (st.mustAffectOneRow && r.affected_rows() != 1) {
                        const DbError conflict = DbError::make(
                            DbError::Kind::Conflict,
                            Text::tr("A row was changed or deleted by someone else since it was read, so "
                                     "nothing was saved. Reload to see the current data, then edit again."));
                        return [finish, conflict] { finish(conflict); };
                    }
                }
                tx.commit();
            } catch (const pqxx::sql_error &e) {
                if (e.sqlstate() != "55P03")
                    throw;
                const DbError blocked = lockedBy(conn, schema.relation.ref, QString::fromUtf8(e.what()).trimmed());
                return [finish, blocked] { finish(blocked); };
            }
            return [finish] { finish({}); };
        },
        finish);
    return job;
}

// After a lock timeout: who holds locks on the table, in one sentence the user can act on.
DbError TableModel::lockedBy(PqConnection &conn, const TableRef &ref, const QString &serverText)
{
    QStringList who;
    try {
        pqxx::nontransaction tx(conn);
        const std::string rel =
            conn.quote_name(ref.schema.toStdString()) + "." + conn.quote_name(ref.name.toStdString());
        const pqxx::result r =
            tx.exec_params("SELECT DISTINCT a.pid, coalesce(nullif(a.application_name, ''), a.usename::text, '?'), "
                           "coalesce(a.state, '?'), coalesce(to_char(a.xact_start, 'HH24:MI:SS'), '') "
                           "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                           "WHERE l.granted AND l.relation = $1::regclass AND a.pid <> pg_backend_pid() ORDER BY 1",
                           rel);
        for (const auto &row : r)
            who << QStringLiteral("session %1 (%2, %3%4)")
                       .arg(row[0].c_str(), row[1].c_str(), row[2].c_str(),
                            row[3].size() ? QStringLiteral(" since %1").arg(row[3].c_str()) : QString());
    } catch (const std::exception &) {
        // Naming the holder is a courtesy; the timeout itself is the answer.
    }
    const QString holders = who.isEmpty() ? Text::tr("another session") : who.join(QStringLiteral(", "));
    return DbError::make(
        DbError::Kind::Conflict,
        Text::tr("Nothing was saved: %1 holds locks on %2 and did not let go within %3 s. Commit or roll back "
                 "that session (an open transaction in psql, pgAdmin or the console), then save again; "
                 "your changes are still pending.")
            .arg(holders, ref.displayName())
            .arg(kSaveLockTimeoutMs / 1000),
        serverText);
}

} // namespace db

#include "db/CatalogModel.h"

#include "db/CatalogQueries.h"
#include "db/DbSession.h"
#include "db/PqxxExec.h"

#include <QLocale>

#include <pqxx/pqxx>

#include <limits>
#include <vector>

namespace db {

struct CatalogNode
{
    CatalogModel::NodeKind kind = CatalogModel::NodeKind::Schema;
    QString name;
    CatalogNode *parent = nullptr;
    std::vector<std::unique_ptr<CatalogNode>> children;
    RelationInfo relation; // relations, and the owner for columns / indexes
    ColumnInfo column;
    IndexInfo index;
    bool childrenLoaded = false;
    bool childrenLoading = false;
    qint64 exactRows = -1;

    int rowInParent = 0; // children are only ever appended; a reload rebuilds the tree

    int row() const { return rowInParent; }
    CatalogNode *add(CatalogModel::NodeKind childKind, const QString &childName)
    {
        auto child = std::make_unique<CatalogNode>();
        child->kind = childKind;
        child->name = childName;
        child->parent = this;
        child->rowInParent = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {
// tr()'s plural selector is an int; a count past it still reads as "many".
int pluralCount(qint64 n)
{
    return int(qMin<qint64>(n, std::numeric_limits<int>::max()));
}

QString kindLabel(RelationInfo::Kind k)
{
    switch (k) {
    case RelationInfo::Kind::Table: return QStringLiteral("table");
    case RelationInfo::Kind::View: return QStringLiteral("view");
    case RelationInfo::Kind::MaterializedView: return QStringLiteral("materialized view");
    case RelationInfo::Kind::ForeignTable: return QStringLiteral("foreign table");
    case RelationInfo::Kind::PartitionedTable: return QStringLiteral("partitioned table");
    }
    return {};
}

} // namespace

CatalogModel::CatalogModel(DbSession *session, QObject *parent)
    : QAbstractItemModel(parent), m_session(session), m_root(std::make_unique<CatalogNode>())
{
}

CatalogModel::~CatalogModel() = default;

void CatalogModel::reload()
{
    m_loading = true;
    const quint64 generation = ++m_generation;
    m_session->submitRead(
        this,
        [this, generation](PqConnection &conn) -> DbSession::Continuation {
            CatalogQueries::Overview o = CatalogQueries::loadOverview(conn);
            return [this, generation, o] {
                if (generation != m_generation)
                    return;
                beginResetModel();
                m_root = std::make_unique<CatalogNode>();
                QHash<QString, CatalogNode *> schemas;
                for (const QString &s : o.schemas) {
                    CatalogNode *node = m_root->add(NodeKind::Schema, s);
                    node->childrenLoaded = true;
                    schemas.insert(s, node);
                }
                for (const RelationInfo &r : o.relations) {
                    CatalogNode *schema = schemas.value(r.ref.schema);
                    if (!schema)
                        continue;
                    schema->add(NodeKind::Relation, r.ref.name)->relation = r;
                }
                endResetModel();
                m_loading = false;
                Q_EMIT loaded();
            };
        },
        [this](const DbError &e) {
            m_loading = false;
            Q_EMIT errorOccurred(e);
        });
}

CatalogNode *CatalogModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<CatalogNode *>(index.internalPointer()) : m_root.get();
}

QModelIndex CatalogModel::index(int row, int column, const QModelIndex &parent) const
{
    CatalogNode *p = nodeFor(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || size_t(row) >= p->children.size())
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex CatalogModel::parent(const QModelIndex &child) const
{
    CatalogNode *n = nodeFor(child);
    if (!child.isValid() || !n->parent || n->parent == m_root.get())
        return {};
    return createIndex(n->parent->row(), 0, n->parent);
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int CatalogModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool CatalogModel::hasChildren(const QModelIndex &parent) const
{
    const CatalogNode *n = nodeFor(parent);
    if (n->kind == NodeKind::Relation && parent.isValid())
        return !n->childrenLoaded || !n->children.empty();
    return !n->children.empty();
}

bool CatalogModel::canFetchMore(const QModelIndex &parent) const
{
    const CatalogNode *n = nodeFor(parent);
    return parent.isValid() && n->kind == NodeKind::Relation && !n->childrenLoaded && !n->childrenLoading;
}

void CatalogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    CatalogNode *n = nodeFor(parent);
    n->childrenLoading = true;
    const TableRef ref = n->relation.ref;
    const quint64 generation = m_generation;
    m_session->submitRead(
        this,
        [this, ref, generation](PqConnection &conn) -> DbSession::Continuation {
            TableSchema schema = CatalogQueries::loadTableSchema(conn, ref);
            return [this, ref, generation, schema] {
                if (generation == m_generation)
                    applySchema(ref, schema);
            };
        },
        [this, ref, generation](const DbError &e) {
            if (generation != m_generation)
                return;
            const QModelIndex idx = indexOf(ref);
            if (idx.isValid())
                nodeFor(idx)->childrenLoading = false;
            Q_EMIT errorOccurred(e);
        });
}

void CatalogModel::applySchema(const TableRef &ref, const TableSchema &schema)
{
    const QModelIndex idx = indexOf(ref);
    if (!idx.isValid())
        return;
    CatalogNode *n = nodeFor(idx);
    n->childrenLoading = false;
    n->childrenLoaded = true;
    n->relation = schema.relation;
    const int count = int(schema.columns.size() + schema.indexes.size());
    if (count > 0)
        beginInsertRows(idx, 0, count - 1);
    for (const ColumnInfo &c : schema.columns) {
        CatalogNode *child = n->add(NodeKind::Column, c.name);
        child->relation = schema.relation;
        child->column = c;
    }
    for (const IndexInfo &i : schema.indexes) {
        CatalogNode *child = n->add(NodeKind::Index, i.name);
        child->relation = schema.relation;
        child->index = i;
    }
    if (count > 0)
        endInsertRows();
    Q_EMIT dataChanged(idx, idx.siblingAtColumn(ColumnCount - 1));
    Q_EMIT relationLoaded(ref);
}

void CatalogModel::countRows(const QModelIndex &index)
{
    const CatalogNode *n = nodeFor(index);
    if (!index.isValid() || n->kind != NodeKind::Relation)
        return;
    const TableRef ref = n->relation.ref;
    m_session->submitRead(
        this,
        [this, ref](PqConnection &conn) -> DbSession::Continuation {
            TableSchema schema;
            schema.relation.ref = ref;
            TableQuery q(schema, [&conn](const std::string &s) { return conn.quote_name(s); });
            pqxx::read_transaction tx(conn);
            const qint64 rows = execBuilt(tx, q.exactCount())[0][0].as<long long>();
            tx.commit();
            return [this, ref, rows] {
                const QModelIndex idx = indexOf(ref);
                if (idx.isValid()) {
                    nodeFor(idx)->exactRows = rows;
                    Q_EMIT dataChanged(idx, idx.siblingAtColumn(ColumnCount - 1));
                }
                Q_EMIT exactCountReady(ref, rows);
            };
        },
        [this](const DbError &e) { Q_EMIT errorOccurred(e); });
}

QModelIndex CatalogModel::indexOf(const TableRef &ref) const
{
    for (size_t s = 0; s < m_root->children.size(); ++s) {
        const CatalogNode *schema = m_root->children[s].get();
        if (schema->name != ref.schema)
            continue;
        for (size_t r = 0; r < schema->children.size(); ++r) {
            if (schema->children[r]->name == ref.name)
                return createIndex(int(r), 0, schema->children[r].get());
        }
    }
    return {};
}

TableRef CatalogModel::tableAt(const QModelIndex &index) const
{
    const CatalogNode *n = nodeFor(index);
    return index.isValid() && n->kind != NodeKind::Schema ? n->relation.ref : TableRef{};
}

QVariant CatalogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const CatalogNode *n = nodeFor(index);
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return n->name;
        if (n->kind == NodeKind::Relation) {
            if (index.column() == TypeColumn)
                return kindLabel(n->relation.kind);
            if (n->exactRows >= 0)
                return tr("%1 row(s)", "", pluralCount(n->exactRows)).arg(locale.toString(n->exactRows));
            return n->relation.estimatedRows < 0 ? tr("not analyzed")
                                                 : tr("~%1 row(s)", "", pluralCount(n->relation.estimatedRows))
                                                       .arg(locale.toString(n->relation.estimatedRows));
        }
        if (n->kind == NodeKind::Column) {
            if (index.column() == TypeColumn)
                return n->column.type;
            QStringList bits;
            if (n->column.primaryKeyPosition >= 0)
                bits << QStringLiteral("PK");
            if (!n->column.foreignKey.isEmpty())
                bits << QStringLiteral("FK → ") + n->column.foreignKey;
            bits << (n->column.notNull ? QStringLiteral("not null") : QStringLiteral("null"));
            if (!n->column.defaultExpr.isEmpty())
                bits << QStringLiteral("default ") + n->column.defaultExpr;
            return bits.join(QStringLiteral(", "));
        }
        if (n->kind == NodeKind::Index) {
            if (index.column() == TypeColumn)
                return n->index.primary ? tr("primary key") : n->index.unique ? tr("unique index") : tr("index");
            return n->index.definition;
        }
        return {};
    case Qt::ToolTipRole:
        if (n->kind == NodeKind::Relation && !n->relation.comment.isEmpty())
            return n->relation.comment;
        return data(index, Qt::DisplayRole);
    case NodeKindRole: return int(n->kind);
    case TableRefRole: return n->kind == NodeKind::Schema ? QVariant() : QVariant::fromValue(n->relation.ref);
    case EstimatedRowsRole: return n->kind == NodeKind::Relation ? QVariant(n->relation.estimatedRows) : QVariant();
    case ExactRowsRole: return n->exactRows >= 0 ? QVariant(n->exactRows) : QVariant();
    case IsViewRole: return n->relation.isView();
    case IsPrimaryKeyRole: return n->kind == NodeKind::Column && n->column.primaryKeyPosition >= 0;
    case ForeignKeyRole: return n->column.foreignKey;
    case NotNullRole: return n->column.notNull;
    case DefaultRole: return n->column.defaultExpr;
    default: return {};
    }
}

QVariant CatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case TypeColumn: return tr("Type");
    case DetailColumn: return tr("Details");
    default: return {};
    }
}

} // namespace db

#pragma once

#include "db/CatalogTypes.h"
#include "db/DbError.h"

#include <QAbstractItemModel>

#include <memory>

namespace db {

class DbSession;
struct CatalogNode;

// The catalog tree: schemas → tables/views (with estimated row counts) → columns
// and indexes. Schemas and relations load in one query on reload(); a relation's
// columns and indexes load when it is expanded (canFetchMore/fetchMore).
class CatalogModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class NodeKind { Schema, Relation, Column, Index };
    Q_ENUM(NodeKind)
    enum Column { NameColumn, TypeColumn, DetailColumn, ColumnCount };
    enum Role {
        NodeKindRole = Qt::UserRole + 1, // NodeKind as int
        TableRefRole,                    // TableRef for relations and their children
        EstimatedRowsRole,               // qint64, relations only
        ExactRowsRole,                   // qint64 or invalid until countRows() finished
        IsViewRole,                      // bool, relations
        IsPrimaryKeyRole,                // bool, columns
        ForeignKeyRole,                  // QString, columns
        NotNullRole,                     // bool, columns
        DefaultRole,                     // QString, columns
    };

    explicit CatalogModel(DbSession *session, QObject *parent = nullptr);
    ~CatalogModel() override;

    // Reloads schemas and relations (system schemas hidden).
    void reload();
    bool isLoading() const { return m_loading; }

    // Runs SELECT count(*) for the relation at `index` on the worker;
    // exactCountReady() follows and ExactRowsRole is set.
    void countRows(const QModelIndex &index);

    QModelIndex indexOf(const TableRef &ref) const;
    TableRef tableAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loaded();                                // schemas + relations in place
    void relationLoaded(const db::TableRef &ref); // columns + indexes in place
    void exactCountReady(const db::TableRef &ref, qint64 rows);
    void errorOccurred(const db::DbError &error);

private:
    CatalogNode *nodeFor(const QModelIndex &index) const;
    void applySchema(const TableRef &ref, const TableSchema &schema);

    DbSession *m_session;
    std::unique_ptr<CatalogNode> m_root;
    bool m_loading = false;
    quint64 m_generation = 0;
};

} // namespace db

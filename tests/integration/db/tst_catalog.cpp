#include "PgTestEnv.h"

#include "db/CatalogModel.h"
#include "db/DbSession.h"

using namespace db;

namespace {

const char *const kSchema = R"SQL(
DROP SCHEMA IF EXISTS cat_types CASCADE;
CREATE SCHEMA cat_types;
CREATE TABLE cat_types.parent (id bigint PRIMARY KEY);
CREATE TABLE cat_types.every_type (
  id serial PRIMARY KEY,
  parent_id bigint REFERENCES cat_types.parent(id),
  c_smallint smallint, c_integer integer NOT NULL DEFAULT 42, c_bigint bigint,
  c_numeric numeric(10,2), c_real real, c_double double precision, c_money money,
  c_text text, c_varchar varchar(20), c_char char(3), c_bool boolean,
  c_bytea bytea, c_json json, c_jsonb jsonb, c_uuid uuid,
  c_date date, c_time time, c_timestamp timestamp, c_timestamptz timestamptz DEFAULT now(), c_interval interval,
  c_int_array integer[], c_text_array text[], c_inet inet, c_cidr cidr, c_macaddr macaddr,
  c_point point, c_xml xml, c_tsvector tsvector, c_int4range int4range
);
CREATE INDEX every_type_text_idx ON cat_types.every_type (c_text);
CREATE UNIQUE INDEX every_type_uuid_key ON cat_types.every_type (c_uuid);
CREATE VIEW cat_types.every_view AS SELECT id, c_text FROM cat_types.every_type;
CREATE MATERIALIZED VIEW cat_types.every_matview AS SELECT id FROM cat_types.every_type;
INSERT INTO cat_types.every_type (c_text) SELECT 'row ' || g FROM generate_series(1, 1234) g;
ANALYZE cat_types.every_type;
)SQL";

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT
    ConnectionSettings m_s;
    std::unique_ptr<DbSession> m_session;

    QModelIndex child(const QAbstractItemModel &m, const QModelIndex &parent, const QString &name)
    {
        for (int r = 0; r < m.rowCount(parent); ++r) {
            const QModelIndex i = m.index(r, 0, parent);
            if (i.data().toString() == name)
                return i;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        PDD_REQUIRE_PG(m_s);
        pgtest::exec(m_s, kSchema);
        m_session = std::make_unique<DbSession>(m_s);
    }

    void schemasRelationsColumnsAndIndexes()
    {
        CatalogModel model(m_session.get());
        QSignalSpy loaded(&model, &CatalogModel::loaded);
        model.reload();
        PDD_WAIT(loaded, 10000);
        const QModelIndex schema = child(model, {}, "cat_types");
        QVERIFY(schema.isValid());
        QVERIFY(!child(model, {}, "pg_catalog").isValid());
        QVERIFY(!child(model, {}, "information_schema").isValid());
        QCOMPARE(schema.data(CatalogModel::NodeKindRole).toInt(), int(CatalogModel::NodeKind::Schema));

        const QModelIndex table = child(model, schema, "every_type");
        QVERIFY(table.isValid());
        QCOMPARE(table.data(CatalogModel::EstimatedRowsRole).toLongLong(), 1234);
        QCOMPARE(table.siblingAtColumn(CatalogModel::DetailColumn).data().toString(), QString("~1,234 rows"));
        QCOMPARE(table.siblingAtColumn(CatalogModel::TypeColumn).data().toString(), QString("table"));
        QCOMPARE(child(model, schema, "every_view").siblingAtColumn(1).data().toString(), QString("view"));
        QVERIFY(child(model, schema, "every_view").data(CatalogModel::IsViewRole).toBool());
        QCOMPARE(child(model, schema, "every_matview").siblingAtColumn(1).data().toString(),
                 QString("materialized view"));

        QVERIFY(model.hasChildren(table));
        QVERIFY(model.canFetchMore(table));
        QSignalSpy relLoaded(&model, &CatalogModel::relationLoaded);
        model.fetchMore(table);
        PDD_WAIT(relLoaded, 10000);
        QCOMPARE(relLoaded.at(0).at(0).value<TableRef>(), (TableRef{"cat_types", "every_type"}));

        struct Expect
        {
            const char *name, *type;
        };
        const Expect types[] = {{"c_smallint", "smallint"},
                                {"c_integer", "integer"},
                                {"c_bigint", "bigint"},
                                {"c_numeric", "numeric(10,2)"},
                                {"c_real", "real"},
                                {"c_double", "double precision"},
                                {"c_money", "money"},
                                {"c_text", "text"},
                                {"c_varchar", "character varying(20)"},
                                {"c_char", "character(3)"},
                                {"c_bool", "boolean"},
                                {"c_bytea", "bytea"},
                                {"c_json", "json"},
                                {"c_jsonb", "jsonb"},
                                {"c_uuid", "uuid"},
                                {"c_date", "date"},
                                {"c_time", "time without time zone"},
                                {"c_timestamp", "timestamp without time zone"},
                                {"c_timestamptz", "timestamp with time zone"},
                                {"c_interval", "interval"},
                                {"c_int_array", "integer[]"},
                                {"c_text_array", "text[]"},
                                {"c_inet", "inet"},
                                {"c_cidr", "cidr"},
                                {"c_macaddr", "macaddr"},
                                {"c_point", "point"},
                                {"c_xml", "xml"},
                                {"c_tsvector", "tsvector"},
                                {"c_int4range", "int4range"}};
        for (const Expect &e : types) {
            const QModelIndex c = child(model, table, e.name);
            QVERIFY2(c.isValid(), e.name);
            QCOMPARE(c.siblingAtColumn(CatalogModel::TypeColumn).data().toString(), QString(e.type));
            QCOMPARE(c.data(CatalogModel::NodeKindRole).toInt(), int(CatalogModel::NodeKind::Column));
        }
        const QModelIndex id = child(model, table, "id");
        QVERIFY(id.data(CatalogModel::IsPrimaryKeyRole).toBool());
        QVERIFY(id.data(CatalogModel::NotNullRole).toBool());
        QVERIFY(id.data(CatalogModel::DefaultRole).toString().startsWith("nextval("));
        const QModelIndex fk = child(model, table, "parent_id");
        QCOMPARE(fk.data(CatalogModel::ForeignKeyRole).toString(), QString("cat_types.parent(id)"));
        QVERIFY(!fk.data(CatalogModel::IsPrimaryKeyRole).toBool());
        const QModelIndex integer = child(model, table, "c_integer");
        QVERIFY(integer.data(CatalogModel::NotNullRole).toBool());
        QCOMPARE(integer.data(CatalogModel::DefaultRole).toString(), QString("42"));
        QVERIFY(integer.siblingAtColumn(CatalogModel::DetailColumn).data().toString().contains("default 42"));

        const QModelIndex pkIndex = child(model, table, "every_type_pkey");
        QCOMPARE(pkIndex.data(CatalogModel::NodeKindRole).toInt(), int(CatalogModel::NodeKind::Index));
        QCOMPARE(pkIndex.siblingAtColumn(1).data().toString(), QString("primary key"));
        QCOMPARE(child(model, table, "every_type_uuid_key").siblingAtColumn(1).data().toString(),
                 QString("unique index"));
        QVERIFY(child(model, table, "every_type_text_idx").siblingAtColumn(2).data().toString().contains("(c_text)"));
    }

    void exactCountOnRequest()
    {
        pgtest::exec(m_s, "INSERT INTO cat_types.every_type (c_text) VALUES ('one more')");
        CatalogModel model(m_session.get());
        QSignalSpy loaded(&model, &CatalogModel::loaded);
        model.reload();
        PDD_WAIT(loaded, 10000);
        const QModelIndex table = model.indexOf({"cat_types", "every_type"});
        QVERIFY(table.isValid());
        QVERIFY(!table.data(CatalogModel::ExactRowsRole).isValid());
        QSignalSpy counted(&model, &CatalogModel::exactCountReady);
        model.countRows(table);
        PDD_WAIT(counted, 10000);
        QCOMPARE(counted.at(0).at(1).toLongLong(), 1235);
        QCOMPARE(model.indexOf({"cat_types", "every_type"}).data(CatalogModel::ExactRowsRole).toLongLong(), 1235);
        QCOMPARE(model.indexOf({"cat_types", "every_type"}).siblingAtColumn(2).data().toString(),
                 QString("1,235 rows"));
    }

    void hostileNamesAreJustNames()
    {
        // Quotes, spaces, unicode and reserved words in schema, table and column names.
        pgtest::exec(m_s, R"SQL(
DROP SCHEMA IF EXISTS "we""ird schema;" CASCADE;
CREATE SCHEMA "we""ird schema;";
CREATE TABLE "we""ird schema;"."select ""from""; DROP TABLE x; --" ("user" int PRIMARY KEY, "Größe ✓" text, "a""b c" text);
INSERT INTO "we""ird schema;"."select ""from""; DROP TABLE x; --" VALUES (1, 'x', 'y'), (2, NULL, '');
)SQL");
        CatalogModel model(m_session.get());
        QSignalSpy loaded(&model, &CatalogModel::loaded);
        model.reload();
        PDD_WAIT(loaded, 10000);
        const TableRef ref{"we\"ird schema;", "select \"from\"; DROP TABLE x; --"};
        const QModelIndex table = model.indexOf(ref);
        QVERIFY(table.isValid());
        QSignalSpy relLoaded(&model, &CatalogModel::relationLoaded);
        model.fetchMore(table);
        PDD_WAIT(relLoaded, 10000);
        QCOMPARE(model.rowCount(table), 4); // three columns and the primary key index
        QCOMPARE(model.index(1, 0, table).data().toString(), QString::fromUtf8("Größe ✓"));
        QSignalSpy counted(&model, &CatalogModel::exactCountReady);
        model.countRows(table);
        PDD_WAIT(counted, 10000);
        QCOMPARE(counted.at(0).at(1).toLongLong(), 2);
    }

    // The model tester over the catalog tree: schemas, relations, columns loaded on expand, reload.
    void modelTesterThroughExpandAndReload()
    {
        CatalogModel model(m_session.get());
        const QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy loaded(&model, &CatalogModel::loaded);
        model.reload();
        PDD_WAIT(loaded, 10000);
        const QModelIndex schema = child(model, {}, "cat_types");
        QVERIFY(schema.isValid());
        const QModelIndex table = child(model, schema, "every_type");
        QVERIFY(table.isValid());
        if (model.canFetchMore(table))
            model.fetchMore(table); // the tester may have asked already
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount(table) > 0, 10000);
        model.reload();
        PDD_WAIT(loaded, 10000);
        QVERIFY(child(model, {}, "cat_types").isValid());
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"

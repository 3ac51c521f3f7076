#include "db/EditBatch.h"
#include "db/TableQuery.h"

#include <QtTest>

using namespace db;

namespace {

// Brackets make every identifier visible in the expected SQL; production passes
// libpqxx's quote_name (exercised against a real server in the integration suite).
std::string bracket(const std::string &s)
{
    return "[" + s + "]";
}

ColumnInfo col(const QString &name, const QString &type = "int4")
{
    ColumnInfo c;
    c.name = name;
    c.typeName = type;
    return c;
}

TableSchema schema(QVector<int> pk, RelationInfo::Kind kind = RelationInfo::Kind::Table)
{
    TableSchema s;
    s.relation.ref = {"s", "t"};
    s.relation.kind = kind;
    s.columns = {col("a"), col("b"), col("name", "text")};
    s.primaryKey = pk;
    return s;
}

QString sql(const BuiltQuery &q)
{
    return QString::fromStdString(q.sql);
}

QStringList params(const BuiltQuery &q)
{
    QStringList out;
    for (const auto &p : q.params)
        out << (p ? QString::fromStdString(*p) : QString("<NULL>"));
    return out;
}

const QString kCols = "SELECT [a], [b], [name], xmin::text FROM [s].[t]";

} // namespace

class TestTableQuery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstPageOrdersByKey()
    {
        TableQuery q(schema({0}), bracket);
        QCOMPARE(sql(q.firstPage(false, 10)), kCols + " ORDER BY [a] ASC NULLS LAST LIMIT 10");
        QCOMPARE(sql(q.firstPage(true, 10)), kCols + " ORDER BY [a] DESC NULLS FIRST LIMIT 10");
        QVERIFY(q.usesKeyset());
        QCOMPARE(q.keyColumns(), QVector<int>{0});
    }
    void compositeKeyUsesRowComparison()
    {
        TableQuery q(schema({1, 0}), bracket);
        const BuiltQuery fwd = q.pageAfter({std::string("7"), std::string("3")}, false, 5);
        QCOMPARE(sql(fwd),
                 kCols + " WHERE ([b], [a]) > ($1, $2) ORDER BY [b] ASC NULLS LAST, [a] ASC NULLS LAST LIMIT 5");
        QCOMPARE(params(fwd), QStringList({"7", "3"}));
        const BuiltQuery back = q.pageAfter({std::string("7"), std::string("3")}, true, 5);
        QCOMPARE(sql(back),
                 kCols + " WHERE ([b], [a]) < ($1, $2) ORDER BY [b] DESC NULLS FIRST, [a] DESC NULLS FIRST LIMIT 5");
    }
    void sortColumnJoinsTheKeyAndHandlesNulls()
    {
        TableQuery q(schema({0}), bracket);
        q.setSort(2, true);
        QCOMPARE(q.keyColumns(), (QVector<int>{2, 0}));
        QCOMPARE(sql(q.firstPage(false, 3)), kCols + " ORDER BY [name] ASC NULLS LAST, [a] ASC NULLS LAST LIMIT 3");
        // After a non-NULL value reading ascending: bigger values, ties by key, then the NULLs.
        const BuiltQuery after = q.pageAfter({std::string("bob"), std::string("4")}, false, 3);
        QCOMPARE(sql(after),
                 kCols
                     + " WHERE ([name] > $2 OR ([name] = $2 AND [a] > $1) OR [name] IS NULL)"
                       " ORDER BY [name] ASC NULLS LAST, [a] ASC NULLS LAST LIMIT 3");
        QCOMPARE(params(after), QStringList({"4", "bob"}));
        // After a NULL reading ascending: only more NULLs, by key.
        QCOMPARE(sql(q.pageAfter({std::nullopt, std::string("4")}, false, 3)),
                 kCols
                     + " WHERE (([name] IS NULL AND [a] > $1))"
                       " ORDER BY [name] ASC NULLS LAST, [a] ASC NULLS LAST LIMIT 3");
        // Reading that order backwards (the tail): NULLs come first, then smaller values.
        QCOMPARE(sql(q.pageAfter({std::nullopt, std::string("4")}, true, 3)),
                 kCols
                     + " WHERE (([name] IS NULL AND [a] < $1) OR [name] IS NOT NULL)"
                       " ORDER BY [name] DESC NULLS FIRST, [a] DESC NULLS FIRST LIMIT 3");
        QCOMPARE(sql(q.pageAfter({std::string("bob"), std::string("4")}, true, 3)),
                 kCols
                     + " WHERE ([name] < $2 OR ([name] = $2 AND [a] < $1))"
                       " ORDER BY [name] DESC NULLS FIRST, [a] DESC NULLS FIRST LIMIT 3");
    }
    void inclusiveStartReReadsTheKeyRow()
    {
        TableQuery q(schema({0}), bracket);
        QCOMPARE(sql(q.pageAfter({std::string("9")}, false, 2, true)),
                 kCols + " WHERE [a] >= $1 ORDER BY [a] ASC NULLS LAST LIMIT 2");
        q.setSort(2, false);
        QCOMPARE(sql(q.pageAfter({std::string("x"), std::string("9")}, false, 2, true)),
                 kCols
                     + " WHERE ([name] < $2 OR ([name] = $2 AND [a] <= $1))"
                       " ORDER BY [name] DESC NULLS FIRST, [a] DESC NULLS FIRST LIMIT 2");
    }
    void descendingSortFlipsEverything()
    {
        TableQuery q(schema({0}), bracket);
        q.setSort(0, false); // sorting by the key itself adds nothing to the key
        QCOMPARE(q.keyColumns(), QVector<int>{0});
        QCOMPARE(sql(q.pageAfter({std::string("9")}, false, 2)),
                 kCols + " WHERE [a] < $1 ORDER BY [a] DESC NULLS FIRST LIMIT 2");
        QCOMPARE(sql(q.pageAfter({std::string("9")}, true, 2)),
                 kCols + " WHERE [a] > $1 ORDER BY [a] ASC NULLS LAST LIMIT 2");
    }
    void filterValuesAreParametersOnly()
    {
        TableQuery q(schema({0}), bracket);
        const QString hostile = "x'; DROP TABLE t; --";
        q.setFilters({{"name", FilterOp::Equals, hostile},
                      {"b", FilterOp::IsNull, "ignored"},
                      {"name", FilterOp::Contains, "50%_off"}});
        QVERIFY(q.validate().isEmpty());
        const BuiltQuery b = q.firstPage(false, 10);
        QCOMPARE(sql(b),
                 kCols
                     + " WHERE ([name] = $1) AND ([b] IS NULL) AND ([name]::text ILIKE '%' || $2::text || '%')"
                       " ORDER BY [a] ASC NULLS LAST LIMIT 10");
        QCOMPARE(params(b), QStringList({hostile, "50\\%\\_off"}));
        QVERIFY(!sql(b).contains("DROP"));
        // Filters and keyset combine, numbering continues.
        QCOMPARE(sql(q.pageAfter({std::string("1")}, false, 10)),
                 kCols
                     + " WHERE ([name] = $1) AND ([b] IS NULL) AND ([name]::text ILIKE '%' || $2::text || '%') "
                       "AND "
                       "[a] > $3 ORDER BY [a] ASC NULLS LAST LIMIT 10");
        QCOMPARE(sql(q.exactCount()),
                 QString("SELECT count(*) FROM [s].[t] WHERE ([name] = $1) AND ([b] IS NULL) AND "
                         "([name]::text ILIKE '%' || $2::text || '%')"));
    }
    void unknownFilterColumnIsRejected()
    {
        TableQuery q(schema({0}), bracket);
        q.setFilters({{"nope", FilterOp::Equals, "1"}});
        QVERIFY(!q.validate().isEmpty());
    }
    void withoutKeyOffsetInPhysicalOrder()
    {
        TableQuery q(schema({}), bracket);
        QVERIFY(!q.usesKeyset());
        QCOMPARE(sql(q.pageAtOffset(400, false, 200)), kCols + " ORDER BY ctid ASC NULLS LAST OFFSET 400 LIMIT 200");
        QCOMPARE(sql(q.pageAtOffset(0, true, 200)), kCols + " ORDER BY ctid DESC NULLS FIRST OFFSET 0 LIMIT 200");
        TableQuery view(schema({}, RelationInfo::Kind::View), bracket);
        QCOMPARE(sql(view.pageAtOffset(0, false, 5)), QString("SELECT [a], [b], [name] FROM [s].[t] OFFSET 0 LIMIT 5"));
        QCOMPARE(view.hiddenColumnCount(), 0);
    }
    void editsAreKeyedAndVersionGuarded()
    {
        EditBatch batch(schema({0, 1}), bracket);
        RowChange up;
        up.kind = RowChange::Kind::Update;
        up.columns = {2};
        up.values = {QVariant()};
        up.key = {std::string("1"), std::string("2")};
        up.xmin = "777";
        EditStatement st = batch.statementFor(up);
        QCOMPARE(sql(st.query),
                 QString("UPDATE [s].[t] SET [name] = $1 WHERE [a] = $2 AND [b] = $3 AND xmin = $4::xid"));
        QCOMPARE(params(st.query), QStringList({"<NULL>", "1", "2", "777"}));
        QVERIFY(st.mustAffectOneRow);
        RowChange del = up;
        del.kind = RowChange::Kind::Delete;
        QCOMPARE(sql(batch.statementFor(del).query),
                 QString("DELETE FROM [s].[t] WHERE [a] = $1 AND [b] = $2 AND xmin = $3::xid"));
        RowChange ins;
        ins.kind = RowChange::Kind::Insert;
        QCOMPARE(sql(batch.statementFor(ins).query), QString("INSERT INTO [s].[t] DEFAULT VALUES"));
        ins.columns = {0, 2};
        ins.values = {QString("5"), QString("")};
        st = batch.statementFor(ins);
        QCOMPARE(sql(st.query), QString("INSERT INTO [s].[t] ([a], [name]) VALUES ($1, $2)"));
        QCOMPARE(params(st.query), QStringList({"5", ""})); // empty string stays distinct from NULL
        QVERIFY(!st.mustAffectOneRow);
    }
};

QTEST_GUILESS_MAIN(TestTableQuery)
#include "tst_tablequery.moc"

#include "db/CellFormat.h"

#include <QtTest>

using namespace db;

class TestCellFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void byteaShowsHexPreviewAndSize()
    {
        QCOMPARE(CellFormat::display("bytea", "\\x00ff10"), QString("00 ff 10 [3 B]"));
        const QString big = "\\x" + QString("ab").repeated(100000);
        const QString shown = CellFormat::display("bytea", big);
        QVERIFY(shown.startsWith("ab ab ab"));
        QVERIFY(shown.contains(QString::fromUtf8("…")));
        QVERIFY2(shown.endsWith("[97.7 KiB]"), qPrintable(shown));
        QCOMPARE(CellFormat::byteaSize(big), 100000);
        QCOMPARE(CellFormat::display("bytea", "\\x"), QString("[0 B]"));
    }
    void jsonIsCompacted()
    {
        QCOMPARE(CellFormat::display("json", "{ \"a\" :  [1, 2] }"), QString("{\"a\":[1,2]}"));
        // Not valid JSON (cannot happen from the server, but never crash on it).
        QCOMPARE(CellFormat::display("json", "{oops"), QString("{oops"));
    }
    void longTextIsCutOnOneLine()
    {
        const QString text = QString("line\n").repeated(100);
        const QString shown = CellFormat::display("text", text);
        QVERIFY(!shown.contains('\n'));
        QVERIFY(shown.contains("(500 chars)"));
        QVERIFY(shown.size() < CellFormat::kMaxCellChars + 30);
        QCOMPARE(CellFormat::display("text", ""), QString(""));
        QVERIFY(CellFormat::nullText() != QString(""));
    }
    void toolTipsAndValuesShowNullByName()
    {
        QCOMPARE(CellFormat::toolTip(QVariant()), CellFormat::nullText());
        QCOMPARE(CellFormat::displayValue("text", QVariant()), CellFormat::nullText());
        QCOMPARE(CellFormat::displayValue("text", QVariant(QString())), QString());
        QCOMPARE(CellFormat::displayValue("jsonb", QVariant(QString("{\"a\": 1}"))),
                 CellFormat::display("jsonb", "{\"a\": 1}"));
        QCOMPARE(CellFormat::toolTip(QVariant(QString())), QString());
        const QString big(CellFormat::kMaxToolTipChars + 10, QLatin1Char('x'));
        QCOMPARE(CellFormat::toolTip(QVariant(big)).size(), CellFormat::kMaxToolTipChars);
    }
    void arraysAndTimestamps()
    {
        QCOMPARE(CellFormat::display("_int4", "{1,2,3}"), QString("{1,2,3}"));
        const QString many = "{" + QString("12345,").repeated(100) + "1}";
        QVERIFY(CellFormat::display("_int4", many).endsWith("~101 elements"));
        QCOMPARE(CellFormat::display("timestamptz", "2024-01-02 03:04:05.123+00"),
                 QString("2024-01-02 03:04:05.123+00"));
    }
};

QTEST_GUILESS_MAIN(TestCellFormat)
#include "tst_cellformat.moc"

#include "compose/Interpolation.h"

#include <QHash>
#include <QTest>

class TestInterpolation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expands_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("error"); // substring of the expected error, or empty
        // clang-format off
        QTest::newRow("no variables") << "postgres:16" << "postgres:16" << "";
        QTest::newRow("braced set") << "${IMG}" << "pdd-forge/postgres:15" << "";
        QTest::newRow("bare name") << "$IMG-x" << "pdd-forge/postgres:15-x" << "";
        QTest::newRow("colon-dash default when unset") << "${NOPE:-postgres:16}" << "postgres:16" << "";
        QTest::newRow("colon-dash default when empty") << "${EMPTY:-fallback}" << "fallback" << "";
        QTest::newRow("dash keeps empty") << "${EMPTY-fallback}" << "" << "";
        QTest::newRow("dash default when unset") << "${NOPE-fallback}" << "fallback" << "";
        QTest::newRow("colon-dash value when set") << "${IMG:-postgres:16}" << "pdd-forge/postgres:15" << "";
        QTest::newRow("double dollar") << "echo $$HOME and $${X}" << "echo $HOME and ${X}" << "";
        QTest::newRow("nested default") << "${NOPE:-${PORT}}" << "8000" << "";
        QTest::newRow("default with variable inside text") << "127.0.0.1:${NOPE:-5050}:80" << "127.0.0.1:5050:80" << "";
        QTest::newRow("unset plain is empty") << "a${NOPE}b" << "ab" << "";
        QTest::newRow("plus when set") << "${PORT:+on}" << "on" << "";
        QTest::newRow("plus when unset") << "${NOPE:+on}" << "" << "";
        QTest::newRow("lone dollar") << "cost $ 5" << "cost $ 5" << "";
        QTest::newRow("trailing dollar") << "x$" << "x$" << "";
        QTest::newRow("required set") << "${PORT:?need it}" << "8000" << "";
        QTest::newRow("required missing") << "${NOPE:?set NOPE in .env}" << "" << "required variable NOPE is missing a value: set NOPE in .env";
        QTest::newRow("required empty") << "${EMPTY:?}" << "" << "required variable EMPTY";
        QTest::newRow("unterminated") << "${IMG" << "" << "missing '}'";
        QTest::newRow("empty braces") << "${}" << "" << "invalid interpolation format";
        QTest::newRow("bad name") << "${1X}" << "" << "invalid interpolation format";
        QTest::newRow("unknown operator") << "${IMG!x}" << "" << "invalid interpolation format";
        // clang-format on
    }
    void expands()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, error);
        const QHash<QString, QString> vars{{"IMG", "pdd-forge/postgres:15"}, {"PORT", "8000"}, {"EMPTY", ""}};
        const auto lookup = [&vars](const QString &name) -> std::optional<QString> {
            const auto it = vars.constFind(name);
            if (it == vars.constEnd())
                return std::nullopt;
            return *it;
        };
        const Interpolation::Result r = Interpolation::apply(input, lookup);
        if (error.isEmpty()) {
            QVERIFY2(r.ok(), qPrintable(r.error));
            QCOMPARE(r.value, expected);
        } else {
            QVERIFY(!r.ok());
            QVERIFY2(r.error.contains(error), qPrintable(r.error));
        }
    }
};

QTEST_GUILESS_MAIN(TestInterpolation)
#include "tst_interpolation.moc"

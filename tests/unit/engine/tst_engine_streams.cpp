#include "engine/JsonMessageStream.h"
#include "engine/LogStreamDecoder.h"

#include <QJsonDocument>
#include <QTest>

Q_DECLARE_METATYPE(QVector<LogLine>)

namespace {
// Chunk sizes that put the cut everywhere: byte by byte, odd primes, and whole.
const QList<int> kSplits{1, 2, 3, 5, 7, 13, 64, 100000};

QByteArray frame(int stream, const QByteArray &payload)
{
    QByteArray h(8, '\0');
    h[0] = char(stream);
    const quint32 n = quint32(payload.size());
    h[4] = char((n >> 24) & 0xff);
    h[5] = char((n >> 16) & 0xff);
    h[6] = char((n >> 8) & 0xff);
    h[7] = char(n & 0xff);
    return h + payload;
}

QStringList compactJson(const QVector<QJsonObject> &objects)
{
    QStringList out;
    for (const QJsonObject &o : objects)
        out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    return out;
}
} // namespace

class TestEngineStreams : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonMessages_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("expected"); // compact JSON of each message
        QTest::addColumn<bool>("ok");

        const QByteArray ev1 = "{\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"abc\",\"Attributes\":{"
                               "\"name\":\"web\"}},\"timeNano\":1700000000123456789}";
        const QByteArray ev2 = "{\"Type\":\"volume\",\"Action\":\"create\",\"Actor\":{\"ID\":\"pgdata\"}}";
        QTest::newRow("newline separated")
            << ev1 + "\n" + ev2 + "\n"
            << QStringList{QString::fromUtf8(QJsonDocument::fromJson(ev1).toJson(QJsonDocument::Compact)),
                           QString::fromUtf8(QJsonDocument::fromJson(ev2).toJson(QJsonDocument::Compact))}
            << true;
        QTest::newRow("concatenated without separator")
            << QByteArray("{\"a\":1}{\"b\":2}") << QStringList{"{\"a\":1}", "{\"b\":2}"} << true;
        QTest::newRow("CRLF and blanks between") << QByteArray("\r\n  {\"a\":1}\r\n\t\r\n{\"b\":[1,{\"c\":2}]}  ")
                                                 << QStringList{"{\"a\":1}", "{\"b\":[1,{\"c\":2}]}"} << true;
        QTest::newRow("braces and quotes inside strings")
            << QByteArray("{\"stream\":\"Step 1/2 : RUN echo \\\"}{\\\" \\\\\"}{\"x\":\"]\"}")
            << QStringList{"{\"stream\":\"Step 1/2 : RUN echo \\\"}{\\\" \\\\\"}", "{\"x\":\"]\"}"} << true;
        QTest::newRow("utf-8 payload") << QByteArray("{\"status\":\"caf\xc3\xa9 \xe2\x9c\x93\"}\n")
                                       << QStringList{QStringLiteral("{\"status\":\"caf\u00e9 \u2713\"}")} << true;
        QTest::newRow("incomplete tail is kept, not emitted")
            << QByteArray("{\"a\":1}{\"b\":") << QStringList{"{\"a\":1}"} << true;
        QTest::newRow("empty") << QByteArray() << QStringList{} << true;
        QTest::newRow("garbage between messages")
            << QByteArray("{\"a\":1}\nHTTP/1.1 500 oops\n{\"b\":2}") << QStringList{"{\"a\":1}"} << false;
        QTest::newRow("object that does not parse")
            << QByteArray("{\"a\":1}{\"b\":tru}") << QStringList{"{\"a\":1}"} << false;
        QTest::newRow("unbalanced closer") << QByteArray("{\"a\":[1}}") << QStringList{} << false;
        QTest::newRow("top-level array is not a message") << QByteArray("[1,2]") << QStringList{} << false;
    }
    void jsonMessages()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, expected);
        QFETCH(bool, ok);
        for (int split : kSplits) {
            JsonMessageStream stream;
            QVector<QJsonObject> out;
            bool allOk = true;
            for (qsizetype pos = 0; pos < input.size(); pos += split)
                allOk = stream.feed(input.constData() + pos, qMin<qsizetype>(split, input.size() - pos), &out) && allOk;
            QCOMPARE(compactJson(out), expected);
            QCOMPARE(allOk, ok);
            QCOMPARE(stream.hasError(), !ok);
            if (!ok)
                QVERIFY(!stream.errorString().isEmpty());
        }
    }

    void jsonMessageStreamStaysBrokenUntilReset()
    {
        JsonMessageStream stream;
        QVector<QJsonObject> out;
        QVERIFY(!stream.feed(QByteArray("x"), &out));
        QVERIFY(!stream.feed(QByteArray("{\"a\":1}"), &out));
        QVERIFY(out.isEmpty());
        stream.reset();
        QVERIFY(stream.feed(QByteArray("{\"a\":1}"), &out));
        QCOMPARE(out.size(), 1);
    }

    void jsonMessageSizeIsBounded()
    {
        JsonMessageStream stream;
        QVector<QJsonObject> out;
        QByteArray huge = "{\"s\":\"" + QByteArray(JsonMessageStream::kMaxMessageBytes, 'x');
        QVERIFY(!stream.feed(huge, &out));
        QVERIFY(stream.errorString().contains(QLatin1String("exceeds")));
    }

    void logFrames_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QVector<LogLine>>("expected"); // after flush
        QTest::addColumn<bool>("ok");
        const int mux = int(LogStreamDecoder::Mode::Multiplexed);
        const int raw = int(LogStreamDecoder::Mode::Raw);
        const QString out = QStringLiteral("stdout"), err = QStringLiteral("stderr");

        QTest::newRow("one frame one line") << mux << frame(1, "hello\n") << QVector<LogLine>{{out, "hello"}} << true;
        QTest::newRow("stdout and stderr interleaved")
            << mux << frame(1, "a\n") + frame(2, "boom\n") + frame(1, "b\n")
            << QVector<LogLine>{{out, "a"}, {err, "boom"}, {out, "b"}} << true;
        QTest::newRow("line spans frames") << mux << frame(1, "hel") + frame(1, "lo\nwor") + frame(1, "ld\n")
                                           << QVector<LogLine>{{out, "hello"}, {out, "world"}} << true;
        QTest::newRow("partial lines kept per stream")
            << mux << frame(1, "out-") + frame(2, "err-") + frame(1, "done\n") + frame(2, "done\n")
            << QVector<LogLine>{{out, "out-done"}, {err, "err-done"}} << true;
        QTest::newRow("CRLF and empty lines")
            << mux << frame(1, "a\r\n\r\nb\n") << QVector<LogLine>{{out, "a"}, {out, ""}, {out, "b"}} << true;
        QTest::newRow("unterminated last line flushed")
            << mux << frame(2, "no newline") << QVector<LogLine>{{err, "no newline"}} << true;
        QTest::newRow("utf-8 split across frames") << mux << frame(1, "caf\xc3") + frame(1, "\xa9\n")
                                                   << QVector<LogLine>{{out, QStringLiteral("caf\u00e9")}} << true;
        QTest::newRow("empty frame") << mux << frame(1, "") + frame(1, "x\n") << QVector<LogLine>{{out, "x"}} << true;
        QTest::newRow("large frame, length needs all four bytes")
            << mux << frame(1, QByteArray(70000, 'z') + "\n")
            << QVector<LogLine>{{out, QString(70000, QLatin1Char('z'))}} << true;
        QTest::newRow("stdin frame shown as stdout")
            << mux << frame(0, "typed\n") << QVector<LogLine>{{out, "typed"}} << true;
        QTest::newRow("tty output read as multiplexed is refused")
            << mux << QByteArray("hello world\n") << QVector<LogLine>{} << false;
        QTest::newRow("bad stream byte after good frame")
            << mux << frame(1, "ok\n") + frame(7, "x") << QVector<LogLine>{{out, "ok"}} << false;
        QTest::newRow("raw tty stream") << raw << QByteArray("one\r\ntwo\nthr")
                                        << QVector<LogLine>{{out, "one"}, {out, "two"}, {out, "thr"}} << true;
        QTest::newRow("raw stream with binary-looking bytes")
            << raw << QByteArray("\x01\x00\x00\x00\x00\x00\x00\x03x\n", 10)
            << QVector<LogLine>{{out, QString::fromUtf8(QByteArray("\x01\x00\x00\x00\x00\x00\x00\x03x", 9))}} << true;
    }
    void logFrames()
    {
        QFETCH(int, mode);
        QFETCH(QByteArray, input);
        QFETCH(QVector<LogLine>, expected);
        QFETCH(bool, ok);
        for (int split : kSplits) {
            LogStreamDecoder decoder{LogStreamDecoder::Mode(mode)};
            QVector<LogLine> lines;
            bool allOk = true;
            for (qsizetype pos = 0; pos < input.size(); pos += split)
                allOk =
                    decoder.feed(input.constData() + pos, qMin<qsizetype>(split, input.size() - pos), &lines) && allOk;
            if (allOk)
                decoder.flush(&lines);
            QCOMPARE(allOk, ok);
            QCOMPARE(decoder.errorString().isEmpty(), ok);
            QCOMPARE(lines.size(), expected.size());
            for (int i = 0; i < lines.size(); ++i) {
                QCOMPARE(lines[i].stream, expected[i].stream);
                QCOMPARE(lines[i].text, expected[i].text);
            }
        }
    }

    void overlongLineIsSplitNotHoarded()
    {
        LogStreamDecoder decoder(LogStreamDecoder::Mode::Raw);
        QVector<LogLine> lines;
        QVERIFY(decoder.feed(QByteArray(LogStreamDecoder::kMaxLineBytes + 10, 'a'), &lines));
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().text.size(), LogStreamDecoder::kMaxLineBytes + 10);
        QVERIFY(decoder.feed(QByteArray("b\n"), &lines));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.last().text, QStringLiteral("b"));
    }
};

QTEST_GUILESS_MAIN(TestEngineStreams)
#include "tst_engine_streams.moc"

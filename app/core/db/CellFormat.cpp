#include "db/CellFormat.h"

#include <QJsonDocument>
#include <QLocale>

namespace db::CellFormat {

namespace {

QString cut(const QString &text, int maxChars)
{
    // A cell is one line: newlines would make rows uneven and hide the next rows.
    QString oneLine = text.left(maxChars + 1);
    oneLine.replace(QLatin1Char('\n'), QChar(0x21B5)); // ↵
    oneLine.replace(QLatin1Char('\r'), QString());
    oneLine.replace(QLatin1Char('\t'), QLatin1Char(' '));
    if (text.size() > maxChars) {
        oneLine.truncate(maxChars);
        oneLine += QChar(0x2026); // …
        oneLine += QStringLiteral(" (%1 chars)").arg(text.size());
    }
    return oneLine;
}

} // namespace

QString nullText()
{
    return QStringLiteral("NULL");
}

QString displayValue(const QString &typeName, const QVariant &value)
{
    return value.isValid() ? display(typeName, value.toString()) : nullText();
}

QString toolTip(const QVariant &value)
{
    return value.isValid() ? value.toString().left(kMaxToolTipChars) : nullText();
}

QString humanSize(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat); // the UI language's decimal separator
}

qint64 byteaSize(const QString &text)
{
    if (text.startsWith(QLatin1String("\\x")))
        return (text.size() - 2) / 2;
    return text.size(); // escape format: an approximation, only old servers send it
}

bool isNumericType(const QString &t)
{
    static const QStringList numeric{"int2", "int4", "int8", "float4", "float8", "numeric", "oid", "money"};
    return numeric.contains(t);
}

QString display(const QString &typeName, const QString &text)
{
    if (typeName == QLatin1String("bytea")) {
        const qint64 size = byteaSize(text);
        QString hex =
            text.startsWith(QLatin1String("\\x")) ? text.mid(2, kBytePreview * 2) : text.left(kBytePreview * 2);
        QString spaced;
        for (int i = 0; i < hex.size(); i += 2)
            spaced += (i ? QStringLiteral(" ") : QString()) + hex.mid(i, 2);
        if (size > kBytePreview)
            spaced += QStringLiteral(" …");
        return QStringLiteral("%1 [%2]").arg(spaced, humanSize(size)).trimmed();
    }
    if (typeName == QLatin1String("json") || typeName == QLatin1String("jsonb")) {
        // jsonb comes normalized; json keeps the user's whitespace, which is noise in a cell.
        if (text.size() <= 64 * 1024) {
            const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
            if (!doc.isNull())
                return cut(QString::fromUtf8(doc.toJson(QJsonDocument::Compact)), kMaxCellChars);
        }
        return cut(text, kMaxCellChars);
    }
    if (typeName.startsWith(QLatin1Char('_'))) { // arrays: "{1,2,3}"
        if (text.size() > kMaxCellChars) {
            const int elements = int(text.count(QLatin1Char(','))) + 1;
            return cut(text, kMaxCellChars) + QStringLiteral(" ~%1 elements").arg(elements);
        }
        return cut(text, kMaxCellChars);
    }
    // timestamptz: the server's text already carries the session time zone offset,
    // which is what a developer comparing with psql expects to see.
    return cut(text, kMaxCellChars);
}

} // namespace db::CellFormat

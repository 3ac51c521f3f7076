#include "ui/db/DetailText.h"

#include "db/CellFormat.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace dbui::DetailText {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DetailText)
};
} // namespace

QByteArray byteaFromHexText(const QString &text)
{
    if (!text.startsWith(QLatin1String("\\x")))
        return {};
    const QByteArray hex = text.mid(2).toLatin1();
    if (hex.size() % 2 != 0)
        return {};
    return QByteArray::fromHex(hex);
}

QString hexDump(const QByteArray &bytes, int maxBytes)
{
    QString out;
    const int n = int(qMin<qsizetype>(bytes.size(), maxBytes));
    for (int offset = 0; offset < n; offset += 16) {
        QString hex, ascii;
        for (int i = 0; i < 16; ++i) {
            if (offset + i < n) {
                const auto b = static_cast<unsigned char>(bytes.at(offset + i));
                hex += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += (b >= 0x20 && b < 0x7f) ? QChar(b) : QLatin1Char('.');
            } else {
                hex += QStringLiteral("   ");
            }
            if (i == 7)
                hex += QLatin1Char(' ');
        }
        out += QStringLiteral("%1  %2 %3\n").arg(offset, 8, 16, QLatin1Char('0')).arg(hex, ascii);
    }
    if (bytes.size() > n)
        out += Text::tr("… %Ln more byte(s) not shown\n", "", int(bytes.size() - n));
    return out;
}

Preview preview(const QString &typeName, const QString &text)
{
    Preview p;
    p.totalChars = text.size();
    // A bytea's dump is bounded by kMaxDumpBytes already; JSON past its limit is shown verbatim.
    const bool json = typeName == QLatin1String("json") || typeName == QLatin1String("jsonb");
    if (typeName == QLatin1String("bytea")
        || (text.size() <= kMaxPreviewChars && (!json || text.size() <= kMaxPrettyJsonChars))) {
        p.text = format(typeName, text);
        if (p.text.size() <= kMaxPreviewChars || typeName == QLatin1String("bytea"))
            return p;
    } else {
        p.text = text;
    }
    p.truncated = p.text.size() > kMaxPreviewChars;
    if (p.truncated) {
        p.text.truncate(kMaxPreviewChars);
        p.text += Text::tr("\n… %Ln more character(s) not shown (Copy value copies all of it)", "",
                           int(text.size() - qMin<qsizetype>(text.size(), kMaxPreviewChars)));
    }
    return p;
}

QString format(const QString &typeName, const QString &text)
{
    if (typeName == QLatin1String("json") || typeName == QLatin1String("jsonb")) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        // Scalars ("42", "\"x\"") are valid json values but not documents: show them as is.
        if (error.error == QJsonParseError::NoError && !doc.isNull())
            return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
        return text;
    }
    if (typeName == QLatin1String("bytea")) {
        const QByteArray bytes = byteaFromHexText(text);
        if (bytes.isEmpty() && text != QLatin1String("\\x"))
            return text; // escape format or malformed: verbatim beats a wrong dump
        return hexDump(bytes);
    }
    return text;
}

QString summary(const QString &column, const QString &typeName, const QString &text, bool isNull)
{
    QString size;
    if (isNull)
        size = db::CellFormat::nullText();
    else if (typeName == QLatin1String("bytea"))
        size = db::CellFormat::humanSize(db::CellFormat::byteaSize(text));
    else
        size = Text::tr("%Ln character(s)", "", int(text.size()));
    return QStringLiteral("%1 · %2 · %3").arg(column, typeName, size);
}

} // namespace dbui::DetailText

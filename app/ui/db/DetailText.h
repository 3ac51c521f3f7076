#pragma once

#include <QByteArray>
#include <QString>

namespace dbui {

// The side panel's rendering of one full cell value (the grid cell shows a
// truncated preview, db::CellFormat): JSON pretty-printed, bytea as a hex dump with
// offsets and ASCII, everything else verbatim. Pure functions, unit tested.
namespace DetailText {

constexpr int kMaxDumpBytes = 64 * 1024; // a hex dump past this is unreadable anyway
// What the panel lays out of a text value. Laying out a 10 MB value froze the
// GUI for minutes; past this the panel shows the beginning and says so (Copy
// value still copies the whole value, which is never laid out).
constexpr int kMaxPreviewChars = 16 * 1024;
// JSON is pretty-printed only up to this size (the parse runs on the GUI thread).
constexpr int kMaxPrettyJsonChars = 1024 * 1024;

// The whole value formatted; only for values known to be small (tests, dumps).
QString format(const QString &typeName, const QString &text);
struct Preview
{
    QString text;             // at most kMaxPreviewChars characters (plus a closing note)
    qsizetype totalChars = 0; // of the value itself
    bool truncated = false;
};
// What the panel shows: format() for values that fit, else the beginning.
Preview preview(const QString &typeName, const QString &text);
// "00000000  48 65 6c 6c 6f 0a                                Hello."
QString hexDump(const QByteArray &bytes, int maxBytes = kMaxDumpBytes);
// PostgreSQL's bytea hex output ("\x48656c") to bytes; empty on malformed input.
QByteArray byteaFromHexText(const QString &text);
// One line for the panel's header: "name · jsonb · 1.2 KiB" / "… · NULL".
QString summary(const QString &column, const QString &typeName, const QString &text, bool isNull);

} // namespace DetailText
} // namespace dbui

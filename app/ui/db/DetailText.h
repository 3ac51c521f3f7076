#pragma once

#include <QByteArray>
#include <QString>

namespace dbui {

// The side panel's rendering of one full cell value (the grid cell shows a
// truncated preview, db::CellFormat): JSON pretty-printed, bytea as a hex dump with
// offsets and ASCII, everything else verbatim. Pure functions, unit tested.
namespace DetailText {

constexpr int kMaxDumpBytes = 64 * 1024; // a hex dump past this is unreadable anyway

QString format(const QString &typeName, const QString &text);
// "00000000  48 65 6c 6c 6f 0a                                Hello."
QString hexDump(const QByteArray &bytes, int maxBytes = kMaxDumpBytes);
// PostgreSQL's bytea hex output ("\x48656c") to bytes; empty on malformed input.
QByteArray byteaFromHexText(const QString &text);
// One line for the panel's header: "name · jsonb · 1.2 KiB" / "… · NULL".
QString summary(const QString &column, const QString &typeName, const QString &text, bool isNull);

} // namespace DetailText
} // namespace dbui

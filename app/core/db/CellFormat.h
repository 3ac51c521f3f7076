#pragma once

#include <QString>
#include <QVariant>

namespace db {

// How a value, as PostgreSQL's text output gives it, is shown in a grid cell:
// bytea as a hex preview plus size, json compacted, arrays and long text cut to a
// readable length, timestamptz as the server sends it. The full value stays
// available through the models' FullValueRole. Shared by TableModel and
// QueryResultModel.
namespace CellFormat {

constexpr int kMaxCellChars = 200;
constexpr int kBytePreview = 16;

// `typeName` is pg_type.typname ("bytea", "jsonb", "_int4", "timestamptz", ...).
QString display(const QString &typeName, const QString &text);
QString nullText(); // what a NULL cell shows: distinct from an empty string
// display() for a value as the models store it: NULL is an invalid QVariant.
QString displayValue(const QString &typeName, const QVariant &value);
// A cell's tooltip: the value's first kMaxToolTipChars characters, or nullText()
// for NULL (an invalid QVariant, as the models store it).
constexpr int kMaxToolTipChars = 2000;
QString toolTip(const QVariant &value);
QString humanSize(qint64 bytes);
// Number of bytes in a bytea value in hex output format ("\x0a0b").
qint64 byteaSize(const QString &text);
bool isNumericType(const QString &typeName);

} // namespace CellFormat
} // namespace db

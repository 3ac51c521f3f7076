#include "db/DbError.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <pqxx/pqxx>

#include <libpq-fe.h>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DbError)
};
} // namespace

namespace db {

QString DbError::fullText() const
{
    if (serverText.isEmpty() || serverText == message)
        return message;
    return message + QStringLiteral("\n\n") + serverText;
}

DbError DbError::make(Kind kind, const QString &message, const QString &serverText)
{
    DbError e;
    e.kind = kind;
    e.message = message;
    e.serverText = serverText;
    return e;
}

DbError DbError::fromConnectFailure(const QString &libpqMessage)
{
    const QString text = libpqMessage.trimmed();
    // libpq and the server only give English text here (lc_messages applies after login),
    // so matching the well-known phrases is reliable enough to pick the sentence.
    if (text.contains(QLatin1String("password authentication failed"))
        || text.contains(QLatin1String("no password supplied"))
        || text.contains(QLatin1String("SCRAM authentication"))) {
        return make(Kind::AuthenticationFailed,
                    Text::tr("The server rejected the user name or password; check them in the "
                             "connection settings."),
                    text);
    }
    if (text.contains(QLatin1String("does not exist")) && text.contains(QLatin1String("database"))) {
        return make(Kind::DatabaseMissing,
                    Text::tr("The database does not exist on this server; check the database name "
                             "(or create it, e.g. by starting the stack once)."),
                    text);
    }
    if (text.contains(QLatin1String("Connection refused")) || text.contains(QLatin1String("timeout expired"))
        || text.contains(QLatin1String("could not translate host name"))
        || text.contains(QLatin1String("No route to host")) || text.contains(QLatin1String("Is the server running"))) {
        return make(Kind::ServerUnreachable,
                    Text::tr("The database server is not reachable at that host and port; is the "
                             "stack (or PostgreSQL) running?"),
                    text);
    }
    return make(Kind::Other, Text::tr("Could not connect to the database."), text);
}

// The SQLSTATEs that have a sentence of their own; anything else is a Query error
// (kind set, message left to the caller, which knows where the server's text is).
bool DbError::classifyBySqlState(DbError &err)
{
    if (err.sqlState == QLatin1String("57014")) {
        err.kind = Kind::Cancelled;
        err.message = Text::tr("The query was cancelled.");
        return true;
    }
    if (err.sqlState == QLatin1String("25006")) {
        err.kind = Kind::ReadOnly;
        err.message = Text::tr("This connection is read-only; the statement tried to change data.");
        return true;
    }
    err.kind = Kind::Query;
    return false;
}

DbError DbError::fromException(const std::exception &e, const QString &query)
{
    const QString text = QString::fromUtf8(e.what()).trimmed();
    if (const auto *sql = dynamic_cast<const pqxx::sql_error *>(&e)) {
        DbError err;
        err.sqlState = QString::fromStdString(sql->sqlstate());
        err.serverText = text;
        if (classifyBySqlState(err))
            return err;
        const QString firstLine = text.section('\n', 0, 0);
        err.message = firstLine.startsWith(QLatin1String("ERROR:")) ? firstLine.mid(6).trimmed() : firstLine;
        const QString q = query.isEmpty() ? QString::fromStdString(sql->query()) : query;
        if (const auto *syn = dynamic_cast<const pqxx::syntax_error *>(&e); syn && syn->error_position > 0)
            err.position = syn->error_position;
        else
            err.position = positionFromMessage(text, q);
        return err;
    }
    if (dynamic_cast<const pqxx::broken_connection *>(&e)) {
        if (text.contains(QLatin1String("failed:")) || text.contains(QLatin1String("FATAL")))
            return fromConnectFailure(text);
        return make(Kind::ConnectionLost,
                    Text::tr("The connection to the database was lost; it is re-established on the "
                             "next action."),
                    text);
    }
    if (dynamic_cast<const pqxx::in_doubt_error *>(&e)) {
        return make(Kind::ConnectionLost,
                    Text::tr("The connection broke while committing; the changes may or may not "
                             "have been saved. Reload to check."),
                    text);
    }
    return make(Kind::Other, text.section('\n', 0, 0), text);
}

DbError DbError::fromResult(const void *pgResult, const QString &query)
{
    const auto *r = static_cast<const PGresult *>(pgResult);
    const auto field = [r](int code) { return QString::fromUtf8(r ? PQresultErrorField(r, code) : nullptr); };
    DbError err;
    err.sqlState = field(PG_DIAG_SQLSTATE);
    err.serverText = QString::fromUtf8(r ? PQresultErrorMessage(r) : "").trimmed();
    if (err.sqlState.isEmpty()) // no server answer: the connection is gone
        return make(Kind::ConnectionLost,
                    Text::tr("The connection to the database was lost; it is re-established on the next action."),
                    err.serverText);
    if (classifyBySqlState(err))
        return err;
    err.message = field(PG_DIAG_MESSAGE_PRIMARY);
    if (err.message.isEmpty())
        err.message = err.serverText.section('\n', 0, 0);
    bool ok = false;
    const int pos = field(PG_DIAG_STATEMENT_POSITION).toInt(&ok);
    err.position = ok && pos > 0 ? pos : positionFromMessage(err.serverText, query);
    return err;
}

int DbError::positionFromMessage(const QString &serverText, const QString &query)
{
    static const QRegularExpression lineRe(QStringLiteral("^LINE (\\d+): (.*)$"), QRegularExpression::MultilineOption);
    const auto m = lineRe.match(serverText);
    if (!m.hasMatch() || query.isEmpty())
        return -1;
    const int lineNo = m.captured(1).toInt();
    QString shown = m.captured(2);
    const int lineEnd = m.capturedEnd(0);
    const int caretLineStart = serverText.indexOf('\n', lineEnd);
    if (caretLineStart < 0)
        return -1;
    QString caretLine = serverText.mid(caretLineStart + 1).section('\n', 0, 0);
    const int caret = caretLine.indexOf('^');
    const int prefix = QStringLiteral("LINE %1: ").arg(lineNo).size();
    if (caret < prefix)
        return -1;
    int column = caret - prefix; // in display cells within `shown`
    // libpq elides long lines with "..." on either side; find the shown text in the line.
    if (shown.startsWith(QLatin1String("..."))) {
        shown = shown.mid(3);
        column -= 3;
    }
    if (shown.endsWith(QLatin1String("...")))
        shown.chop(3);
    const QStringList lines = query.split('\n');
    if (lineNo < 1 || lineNo > lines.size())
        return -1;
    const QString line = lines.at(lineNo - 1);
    const int at = line.indexOf(shown.isEmpty() ? line : shown);
    if (at < 0 || column < 0)
        return -1;
    int offset = 0;
    for (int i = 0; i < lineNo - 1; ++i)
        offset += lines.at(i).size() + 1;
    // Positions count characters (code points), like the server's; QString counts UTF-16 units.
    const QString before = query.left(offset + at + column);
    return int(before.toUcs4().size()) + 1;
}

} // namespace db

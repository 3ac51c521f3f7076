#pragma once

#include <QMetaType>
#include <QString>

#include <exception>

namespace db {

// A database failure as the user should read it: one human sentence saying what
// went wrong and what to do, plus the server's own text for the details pane.
struct DbError
{
    enum class Kind {
        None,
        AuthenticationFailed,
        ServerUnreachable,
        DatabaseMissing,
        ConnectionLost,
        Cancelled,
        Conflict,
        ReadOnly,
        Query,
        Other
    };
    Kind kind = Kind::None;
    QString message;    // one sentence, for a label or message box
    QString serverText; // the server's / libpq's message, verbatim
    QString sqlState;   // five characters, or empty
    int position = -1;  // 1-based character offset into the query, or -1

    bool isError() const { return kind != Kind::None; }
    QString fullText() const;

    // Maps any exception thrown by libpqxx (or elsewhere) to a DbError.
    static DbError fromException(const std::exception &e, const QString &query = {});
    static DbError fromConnectFailure(const QString &libpqMessage);
    static DbError make(Kind kind, const QString &message, const QString &serverText = {});
    // A libpq error result (pg_result is a PGresult*; kept opaque so this header
    // needs no libpq), classified like fromException(); query is the text sent.
    static DbError fromResult(const void *pgResult, const QString &query);

    // libpq renders the error position as a "LINE n: <text>" line and a caret line
    // under it; libpqxx 6.4 keeps the numeric position only for plain syntax errors,
    // so this recovers it (1-based, in characters) from the message and the query.
    static int positionFromMessage(const QString &serverText, const QString &query);

private:
    static bool classifyBySqlState(DbError &err);
};

} // namespace db

Q_DECLARE_METATYPE(db::DbError)

#include "BackupEntry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(BackupEntry)
};
} // namespace

QString BackupEntry::sidecarPath() const
{
    QString p = path;
    if (p.endsWith(QLatin1String(".dump")))
        p.chop(5);
    return p + QStringLiteral(".json");
}

QString BackupEntry::reasonKey(Reason reason)
{
    switch (reason) {
    case Reason::Manual: return QStringLiteral("manual");
    case Reason::PreMigration: return QStringLiteral("pre-migration");
    case Reason::PreUpgrade: return QStringLiteral("pre-upgrade");
    case Reason::Unknown: break;
    }
    return {};
}

BackupEntry::Reason BackupEntry::parseReason(const QString &key)
{
    for (Reason r : {Reason::Manual, Reason::PreMigration, Reason::PreUpgrade})
        if (key == reasonKey(r))
            return r;
    return Reason::Unknown;
}

bool BackupEntry::readSidecar(const QByteArray &json, BackupEntry &entry)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (!doc.isObject()) {
        entry.sidecarError = err.error != QJsonParseError::NoError ? err.errorString() : Text::tr("not an object");
        return false;
    }
    const QJsonObject o = doc.object();
    entry.hasSidecar = true;
    entry.mode = StackModes::parse(o.value(QLatin1String("mode")).toString());
    const QDateTime created = QDateTime::fromString(o.value(QLatin1String("created")).toString(), Qt::ISODate).toUTC();
    if (created.isValid())
        entry.created = created;
    entry.reason = parseReason(o.value(QLatin1String("reason")).toString());
    entry.sidecarSize = o.value(QLatin1String("size")).toInteger(-1);
    entry.sha256 = o.value(QLatin1String("sha256")).toString();
    entry.postgresVersion = o.value(QLatin1String("postgres_version")).toString().section(QLatin1Char(' '), 0, 0);
    entry.migrations.clear();
    for (const QJsonValue &m : o.value(QLatin1String("migrations")).toArray())
        entry.migrations << m.toString();
    return true;
}

namespace Backups {

QList<BackupEntry> scan(const QString &dir)
{
    QList<BackupEntry> out;
    const QFileInfoList files = QDir(dir).entryInfoList({QStringLiteral("*.dump")}, QDir::Files, QDir::Name);
    for (const QFileInfo &fi : files) {
        BackupEntry e;
        e.path = fi.absoluteFilePath();
        e.fileName = fi.fileName();
        e.size = fi.size();
        e.created = fi.lastModified().toUTC();
        QFile side(e.sidecarPath());
        // Sidecars are a few hundred bytes; one bigger than this is not ours.
        if (side.exists() && side.size() < (1 << 20) && side.open(QIODevice::ReadOnly))
            BackupEntry::readSidecar(side.readAll(), e);
        out << e;
    }
    std::stable_sort(out.begin(), out.end(), [](const BackupEntry &a, const BackupEntry &b) {
        return a.created != b.created ? a.created > b.created : a.fileName > b.fileName;
    });
    return out;
}

bool remove(const BackupEntry &entry, QString *error)
{
    QFile dump(entry.path);
    if (dump.exists() && !dump.remove()) {
        if (error)
            *error = dump.errorString();
        return false;
    }
    QFile side(entry.sidecarPath());
    if (side.exists() && !side.remove()) {
        if (error)
            *error = side.errorString();
        return false;
    }
    return true;
}

} // namespace Backups

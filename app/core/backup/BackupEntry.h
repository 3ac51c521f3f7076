#pragma once

#include "stack/StackMode.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One backup of a mode's database as compose/run -8 writes it: the dump
// (<STACK_NAME>-<mode>-<UTC>.dump) and its JSON sidecar beside it. Values only;
// reading a folder is a plain function, run off the GUI thread by BackupService.
struct BackupEntry
{
    enum class Reason { Manual, PreMigration, PreUpgrade, Unknown };
    // What Verify found; NotChecked until it ran in this session.
    enum class Checksum { NotChecked, Good, Bad };

    QString path;     // the .dump
    QString fileName; // its name, for lists and messages
    bool hasSidecar = false;
    QString sidecarError; // why the sidecar could not be read (empty when fine or absent)
    std::optional<StackMode> mode;
    QDateTime created; // UTC; the file's time when there is no sidecar
    Reason reason = Reason::Unknown;
    qint64 size = 0; // bytes on disk
    qint64 sidecarSize = -1;
    QString sha256;
    QString postgresVersion;
    QStringList migrations;
    Checksum checksum = Checksum::NotChecked;

    // The sidecar says another size than the file has: truncated or changed.
    bool sizeMismatch() const { return hasSidecar && sidecarSize >= 0 && sidecarSize != size; }
    QString sidecarPath() const;

    static QString reasonKey(Reason reason); // "manual", "pre-migration", "pre-upgrade" (the sidecar's words)
    static Reason parseReason(const QString &key);
    // Reads the sidecar JSON into entry; false with entry.sidecarError set when it is not one.
    static bool readSidecar(const QByteArray &json, BackupEntry &entry);
};

namespace Backups {
// The backups of one mode in dir (compose/backups/<mode>), newest first; a
// missing folder is an empty list. Partial files (.*.partial) are never listed.
QList<BackupEntry> scan(const QString &dir);
// Removes the dump and its sidecar; false with the reason in error.
bool remove(const BackupEntry &entry, QString *error);
} // namespace Backups

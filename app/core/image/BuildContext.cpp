#include "BuildContext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace {
// The context lupdate and the runtime both use for this file's sentences.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(BuildContext)
};

struct ArchiveDeleter
{
    void operator()(archive *a) const { archive_write_free(a); }
};
struct DiskDeleter
{
    void operator()(archive *a) const { archive_read_free(a); }
};
struct EntryDeleter
{
    void operator()(archive_entry *e) const { archive_entry_free(e); }
};

// filepath.Walk visits names in lexical (byte) order.
QStringList sortedNames(const QString &dir)
{
    QStringList names =
        QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::NoSort);
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    return names;
}

class Writer
{
public:
    Writer(QString root, DockerIgnore ignore, const std::function<bool()> &cancel,
           const std::function<void(qint64)> &progress)
        : m_root(std::move(root)), m_ignore(std::move(ignore)), m_cancel(cancel), m_progress(progress)
    {
    }

    BuildContext::Result run(const QString &tarPath)
    {
        m_out.reset(archive_write_new());
        m_disk.reset(archive_read_disk_new());
        archive_read_disk_set_standard_lookup(m_disk.get());
        archive_write_set_format_pax_restricted(m_out.get());
        archive_write_set_bytes_in_last_block(m_out.get(), 1);
        if (archive_write_open_filename(m_out.get(), QFile::encodeName(tarPath).constData()) != ARCHIVE_OK)
            return fail(Text::tr("The build context could not be written to %1: %2")
                            .arg(tarPath, QString::fromUtf8(archive_error_string(m_out.get()))));
        if (!walk(QString()))
            return m_result;
        if (archive_write_close(m_out.get()) != ARCHIVE_OK)
            return fail(Text::tr("The build context could not be written to %1: %2")
                            .arg(tarPath, QString::fromUtf8(archive_error_string(m_out.get()))));
        m_result.ok = true;
        m_result.bytes = QFileInfo(tarPath).size();
        return m_result;
    }

private:
    BuildContext::Result fail(const QString &error)
    {
        m_result.ok = false;
        m_result.error = error;
        return m_result;
    }

    // Returns false when the walk must stop (error or cancel; m_result says which).
    bool walk(const QString &relDir)
    {
        const QString absDir = relDir.isEmpty() ? m_root : m_root + QLatin1Char('/') + relDir;
        for (const QString &name : sortedNames(absDir)) {
            if (m_cancel && m_cancel()) {
                m_result.cancelled = true;
                fail(Text::tr("Cancelled while the build context was being prepared."));
                return false;
            }
            const QString rel = relDir.isEmpty() ? name : relDir + QLatin1Char('/') + name;
            const QString abs = m_root + QLatin1Char('/') + rel;
            struct stat st
            {};
            if (::lstat(QFile::encodeName(abs).constData(), &st) != 0) {
                fail(Text::tr("%1 in the build context cannot be read: %2.")
                         .arg(rel, QString::fromLocal8Bit(std::strerror(errno))));
                return false;
            }
            const bool isDir = S_ISDIR(st.st_mode);
            if (m_ignore.excludes(rel)) {
                // An excluded folder is still walked when an exception may match below it.
                if (isDir && m_ignore.mayIncludeBelow(rel) && !walk(rel))
                    return false;
                continue;
            }
            if (!S_ISREG(st.st_mode) && !isDir && !S_ISLNK(st.st_mode))
                continue; // sockets, fifos, devices: the CLI does not send them either
            if (!add(rel, abs, st))
                return false;
            if (isDir && !walk(rel))
                return false;
        }
        return true;
    }

    bool add(const QString &rel, const QString &abs, const struct stat &st)
    {
        std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
        const QByteArray absPath = QFile::encodeName(abs);
        const bool isDir = S_ISDIR(st.st_mode);
        int fd = -1;
        if (S_ISREG(st.st_mode)) {
            fd = ::open(absPath.constData(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                fail(Text::tr("%1 in the build context cannot be read: %2. Fix its permissions or list it in "
                              ".dockerignore.")
                         .arg(rel, QString::fromLocal8Bit(std::strerror(errno))));
                return false;
            }
        }
        archive_entry_copy_sourcepath(entry.get(), absPath.constData());
        if (archive_read_disk_entry_from_file(m_disk.get(), entry.get(), fd, &st) != ARCHIVE_OK) {
            if (fd >= 0)
                ::close(fd);
            fail(Text::tr("%1 in the build context cannot be read: %2.")
                     .arg(rel, QString::fromUtf8(archive_error_string(m_disk.get()))));
            return false;
        }
        const QByteArray name = (isDir ? rel + QLatin1Char('/') : rel).toUtf8();
        archive_entry_set_pathname_utf8(entry.get(), name.constData());
        // The CLI sends every file as root's (ChownOpts 0:0) and no extended attributes.
        archive_entry_set_uid(entry.get(), 0);
        archive_entry_set_gid(entry.get(), 0);
        archive_entry_set_uname(entry.get(), "");
        archive_entry_set_gname(entry.get(), "");
        archive_entry_xattr_clear(entry.get());
        archive_entry_acl_clear(entry.get());
        archive_entry_set_atime(entry.get(), 0, 0);
        archive_entry_unset_atime(entry.get());
        archive_entry_unset_ctime(entry.get());
        archive_entry_unset_birthtime(entry.get());
        if (archive_write_header(m_out.get(), entry.get()) != ARCHIVE_OK) {
            if (fd >= 0)
                ::close(fd);
            fail(writeError());
            return false;
        }
        if (fd >= 0) {
            char buffer[64 * 1024];
            for (;;) {
                const ssize_t n = ::read(fd, buffer, sizeof buffer);
                if (n < 0 && errno == EINTR)
                    continue;
                if (n < 0) {
                    ::close(fd);
                    fail(Text::tr("%1 in the build context cannot be read: %2.")
                             .arg(rel, QString::fromLocal8Bit(std::strerror(errno))));
                    return false;
                }
                if (n == 0)
                    break;
                if (archive_write_data(m_out.get(), buffer, size_t(n)) < 0) {
                    ::close(fd);
                    fail(writeError());
                    return false;
                }
                m_written += n;
            }
            ::close(fd);
        }
        ++m_result.entries;
        m_result.paths << QString::fromUtf8(name);
        if (m_progress)
            m_progress(m_written);
        return true;
    }

    QString writeError() const
    {
        const int e = archive_errno(m_out.get());
        if (e == ENOSPC)
            return Text::tr("The disk is full: the build context could not be written to the temporary folder.");
        return Text::tr("The build context could not be written: %1")
            .arg(QString::fromUtf8(archive_error_string(m_out.get())));
    }

    QString m_root;
    DockerIgnore m_ignore;
    const std::function<bool()> &m_cancel;
    const std::function<void(qint64)> &m_progress;
    std::unique_ptr<archive, ArchiveDeleter> m_out;
    std::unique_ptr<archive, DiskDeleter> m_disk;
    BuildContext::Result m_result;
    qint64 m_written = 0;
};
} // namespace

DockerIgnore BuildContext::ignoreFor(const QString &contextDir, const QString &dockerfile)
{
    QFile f(QDir(contextDir).filePath(QStringLiteral(".dockerignore")));
    DockerIgnore ignore;
    if (f.open(QIODevice::ReadOnly))
        ignore = DockerIgnore::parse(f.readAll());
    ignore.keep(QStringLiteral(".dockerignore"));
    ignore.keep(DockerIgnore::cleanPath(dockerfile));
    return ignore;
}

BuildContext::Result BuildContext::write(const QString &contextDir, const QString &dockerfile, const QString &tarPath,
                                         const std::function<bool()> &cancel,
                                         const std::function<void(qint64)> &progress)
{
    const QFileInfo dir(contextDir);
    if (!dir.isDir()) {
        Result r;
        r.error = Text::tr("The build context %1 is not a folder.").arg(contextDir);
        return r;
    }
    if (!QFileInfo::exists(QDir(contextDir).filePath(dockerfile))) {
        Result r;
        r.error = Text::tr("There is no %1 in %2: the image cannot be built without it.").arg(dockerfile, contextDir);
        return r;
    }
    const DockerIgnore ignore = ignoreFor(contextDir, dockerfile);
    if (!ignore.problems().isEmpty()) {
        Result r;
        r.error = Text::tr("%1/.dockerignore: %2").arg(contextDir, ignore.problems().first());
        return r;
    }
    Writer w(dir.absoluteFilePath(), ignore, cancel, progress);
    return w.run(tarPath);
}

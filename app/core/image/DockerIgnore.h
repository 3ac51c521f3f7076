#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QVector>

// A build context's .dockerignore, read and matched by Docker's own rules
// (moby/patternmatcher and its ignorefile reader, as the docker CLI applies
// them before sending a context):
// - a line starting with '#' is a comment; lines are trimmed, empty ones skipped;
// - '!' makes a line an exception; patterns are cleaned like Go's filepath.Clean
//   and a leading '/' is dropped (paths are relative to the context);
// - '*' and '?' never cross '/', '**' crosses any number of directories,
//   '[...]' is a character class, '\' escapes the next character;
// - the last pattern that matches a path, or one of its parent directories,
//   decides; a directory that is excluded is not descended into unless an
//   exception could match below it;
// - the Dockerfile and .dockerignore itself are always sent (the CLI appends
//   "!Dockerfile" and "!.dockerignore" when they are excluded).
class DockerIgnore
{
public:
    DockerIgnore() = default;
    // The patterns as written in a .dockerignore file.
    static DockerIgnore parse(const QByteArray &fileContent);
    // patterns in the file's order; invalid ones are kept in problems().
    static DockerIgnore fromPatterns(const QStringList &patterns);

    // Adds "!path" when path is excluded (TrimBuildFilesFromExcludes).
    void keep(const QString &path);

    // Whether the context-relative path ("a/b.txt", '/'-separated) is left out.
    bool excludes(const QString &path) const;
    // Whether an excluded directory must still be walked, because an
    // exception pattern starts with it ("!dir/keep.txt" under "dir").
    bool mayIncludeBelow(const QString &dir) const;

    QStringList patterns() const;
    // Patterns Docker would refuse ("bad pattern"), in words.
    QStringList problems() const { return m_problems; }

    // Go's filepath.Clean on a '/'-separated path (public for tests).
    static QString cleanPath(const QString &path);

private:
    struct Pattern
    {
        QString text; // cleaned, without '!'
        bool exception = false;
        QRegularExpression re;
    };
    bool matchesOne(const Pattern &p, const QString &path) const;
    QVector<Pattern> m_patterns;
    QStringList m_problems;
};

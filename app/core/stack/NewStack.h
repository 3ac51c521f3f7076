#pragma once

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

// File > New stack… and `postdodjango --new-stack DIR` (issue 16): the stack
// template copied into an empty folder, a stack name Compose accepts, free
// ports, and a .env with fresh secrets written by the template's own
// `run --init-env` (the same rules as a first start, and its check that the
// engine has no containers or volumes of that name). Everything here but
// create() is quick and pure enough for the GUI thread; create() blocks and
// runs on a worker (the wizard's Job) or in the command-line path.
namespace NewStack {

struct Settings
{
    QString dir;
    QString name;
    QMap<QString, int> ports; // .env key (DEV_WEB_PORT...) → port
    bool initGit = false;
};

// The .env keys of the ports a stack publishes on this machine, in .env.example's order.
QStringList portKeys();

// Where the template is: $PDD_STACK_TEMPLATE, else ../share/postdodjango/stack
// beside the program (the package), else a compose/ folder upward from the
// program (a build tree in a checkout). Empty when none holds a stack.
QString templateDir(const QString &binaryDir);

// One sentence when `name` is not a valid Compose project name (run's rule), else empty.
QString nameProblem(const QString &name);
// One sentence when `dir` cannot take a new stack (not empty, a file, not writable), else empty.
QString folderProblem(const QString &dir);
// A valid name made from the folder's name ("My Site" → "my-site").
QString suggestedName(const QString &dir);

// The template's own ports (.env.example), the starting point of freePorts().
QMap<QString, int> templatePorts(const QString &templateDir);
// The ports stacks already declare in their .env (other stacks that may not be
// running now, so a bind test alone would not see them).
QSet<int> declaredPorts(const QStringList &stackDirs);
// `wanted` with each port moved up to the first one that is neither bound on
// this machine, nor in `taken`, nor chosen for an earlier key.
QMap<QString, int> freePorts(const QMap<QString, int> &wanted, const QSet<int> &taken);
// False when something listens on `port` (any address).
bool portFree(int port);

struct Hooks
{
    std::function<void(const QString &)> log = [](const QString &) {};
    std::function<bool()> cancelled = [] { return false; };
};

// Copies the template, optionally `git init`s, then runs `sh run --init-env`.
// On failure or cancel the folder is left as it was found (empty, or absent).
// Returns the error sentence, or empty on success. Blocking.
QString create(const Settings &settings, const QString &templateDir, const Hooks &hooks = {});

} // namespace NewStack

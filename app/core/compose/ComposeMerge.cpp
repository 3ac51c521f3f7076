#include "ComposeMerge.h"

#include <algorithm>

namespace ComposeMerge {

ComposeService mergeService(ComposeService base, const ComposeService &overlay)
{
    if (!overlay.image.isEmpty())
        base.image = overlay.image;
    base.hasBuild = base.hasBuild || overlay.hasBuild;
    if (overlay.hasBuild) {
        if (!overlay.buildContext.isEmpty())
            base.buildContext = overlay.buildContext;
        if (!overlay.buildDockerfile.isEmpty())
            base.buildDockerfile = overlay.buildDockerfile;
        for (auto it = overlay.buildArgs.begin(); it != overlay.buildArgs.end(); ++it)
            base.buildArgs.insert(it.key(), it.value());
    }
    if (overlay.profilesGiven) {
        base.profiles = overlay.profiles;
        base.profilesGiven = true;
    }
    for (const ComposePort &p : overlay.ports) {
        if (!base.ports.contains(p))
            base.ports << p;
    }
    for (const ComposeMount &m : overlay.mounts) {
        const auto same = std::find_if(base.mounts.begin(), base.mounts.end(),
                                       [&m](const ComposeMount &b) { return b.target == m.target; });
        if (same != base.mounts.end())
            *same = m;
        else
            base.mounts << m;
    }
    return base;
}

QVector<ComposeService> mergeServices(QVector<ComposeService> base, const QVector<ComposeService> &overlay)
{
    for (const ComposeService &o : overlay) {
        const auto same =
            std::find_if(base.begin(), base.end(), [&o](const ComposeService &b) { return b.name == o.name; });
        if (same != base.end())
            *same = mergeService(*same, o);
        else
            base << o;
    }
    return base;
}

QStringList unite(QStringList base, const QStringList &overlay)
{
    for (const QString &name : overlay) {
        if (!base.contains(name))
            base << name;
    }
    return base;
}

} // namespace ComposeMerge

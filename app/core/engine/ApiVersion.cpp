#include "ApiVersion.h"

#include <QCoreApplication>
#include <QRegularExpression>

ApiVersion ApiVersion::parse(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,3})\\.(\\d{1,3})\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return {};
    ApiVersion v;
    v.major = m.captured(1).toInt();
    v.minor = m.captured(2).toInt();
    return v.major > 0 ? v : ApiVersion{};
}

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ApiVersion)
};
} // namespace

ApiNegotiation ApiNegotiation::fromPingHeader(const QString &serverHeader)
{
    ApiNegotiation n;
    const ApiVersion server = ApiVersion::parse(serverHeader);
    const ApiVersion ours{1, ApiVersion::kMaxMinor};
    const ApiVersion oldest{1, ApiVersion::kMinMinor};
    if (!server.isValid()) {
        n.error = serverHeader.trimmed().isEmpty()
            ? Text::tr("The engine did not report an API version in /_ping; is this really a Docker or Podman socket?")
            : Text::tr("The engine reported an unreadable API version \"%1\".").arg(serverHeader.trimmed());
        return n;
    }
    if (server < oldest) {
        n.error = Text::tr("The Docker Engine speaks API %1, but PostDoDjango needs %2 or newer "
                           "(Docker 20.10+). Please update Docker.")
                      .arg(server.toString(), oldest.toString());
        return n;
    }
    n.version = server < ours ? server : ours;
    return n;
}

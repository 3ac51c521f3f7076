#pragma once

#include <QString>

#include <optional>

// How prod's NGINX does HTTPS: compose/.env's TLS_MODE, parsed once here. The
// keys are the ones compose/run reads; an .env without TLS_MODE is Off (what
// run does, so stacks made before HTTPS existed keep serving plain HTTP).
enum class TlsMode { Off, SelfSigned, Files, LetsEncrypt };

namespace TlsModes {
inline std::optional<TlsMode> parse(const QString &key)
{
    if (key.isEmpty() || key == QLatin1String("off"))
        return TlsMode::Off;
    if (key == QLatin1String("self-signed"))
        return TlsMode::SelfSigned;
    if (key == QLatin1String("files"))
        return TlsMode::Files;
    if (key == QLatin1String("letsencrypt"))
        return TlsMode::LetsEncrypt;
    return std::nullopt;
}
inline QString key(TlsMode mode)
{
    switch (mode) {
    case TlsMode::Off: return QStringLiteral("off");
    case TlsMode::SelfSigned: return QStringLiteral("self-signed");
    case TlsMode::Files: return QStringLiteral("files");
    case TlsMode::LetsEncrypt: return QStringLiteral("letsencrypt");
    }
    return {};
}
// The overlay compose/run adds to prod's files: docker-compose.<this>.yml.
inline QString overlay(TlsMode mode)
{
    switch (mode) {
    case TlsMode::Off: return {};
    case TlsMode::SelfSigned:
    case TlsMode::Files: return QStringLiteral("tls");
    case TlsMode::LetsEncrypt: return QStringLiteral("letsencrypt");
    }
    return {};
}
} // namespace TlsModes

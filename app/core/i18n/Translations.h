#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

// The UI's language (issue 16). English is the source text; the app ships
// pt_BR, chosen from the system locale unless the user picked one in
// File > Language (QSettings key "language": "" = the system's, or a name
// from available()). Qt's own strings (dialog buttons, context menus) come
// from Qt's translations (Debian: qt6-translations-l10n) when installed.
namespace pdd::i18n {

// The settings key holding the user's choice.
inline QString settingKey()
{
    return QStringLiteral("language");
}

// The languages the app has a translation for, as QLocale names ("en" first).
QStringList available();

// "Português (Brasil)" for "pt_BR": the language named in itself.
QString nativeName(const QString &language);

// The shipped language `choice` resolves to: itself when available, else the
// best match for `system` (pt_PT → pt_BR, de → en). Pure, for tests.
QString resolve(const QString &choice, const QLocale &system);

// Installs the translators for `choice` (see resolve) on the running
// application and sets QLocale's default to match, so dates, sizes and numbers
// follow the language. Call once, after QCoreApplication exists and before any
// window is built. Returns the language in use.
QString install(const QString &choice = {});

} // namespace pdd::i18n

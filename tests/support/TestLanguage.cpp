// Compiled into every Qt Test suite (cmake/PddTest.cmake): the language the
// suite sees, installed as soon as its QCoreApplication exists. English by
// default, so "%n day(s)" reads "1 day" / "4 days" as users see it;
// PDD_TEST_LANGUAGE=system takes the system locale's (tst_i18n_gui runs under
// LANG=pt_BR.UTF-8), any other value names a language.
#include "i18n/Translations.h"

#include <QCoreApplication>

namespace {
void installTestLanguage()
{
    const QString language = qEnvironmentVariable("PDD_TEST_LANGUAGE", QStringLiteral("en"));
    pdd::i18n::install(language == QLatin1String("system") ? QString() : language);
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(installTestLanguage)

#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace pdd::i18n {

QStringList available()
{
    return {QStringLiteral("en"), QStringLiteral("pt_BR")};
}

QString nativeName(const QString &language)
{
    const QLocale l(language);
    QString name = l.nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    if (language.contains(QLatin1Char('_')))
        name += QStringLiteral(" (%1)").arg(l.nativeTerritoryName());
    return name;
}

QString resolve(const QString &choice, const QLocale &system)
{
    const QStringList shipped = available();
    if (shipped.contains(choice))
        return choice;
    // The first UI language the system asks for that the app speaks, by exact
    // name first and then by language alone.
    for (const QString &wanted : system.uiLanguages()) {
        const QString name = QLocale(wanted).name();
        if (shipped.contains(name))
            return name;
        for (const QString &s : shipped) {
            if (QLocale(s).language() == QLocale(name).language())
                return s;
        }
    }
    return shipped.first();
}

QString install(const QString &choice)
{
    const QString language = resolve(choice, QLocale::system());
    auto *app = QCoreApplication::instance();
    // The app's strings: the plural forms only in English, everything in the others.
    auto *own = new QTranslator(app);
    if (own->load(QStringLiteral(":/i18n/postdodjango_%1.qm").arg(language)))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    // Qt's own (QDialogButtonBox's "Cancel", a line edit's context menu).
    if (language != QLatin1String("en")) {
        auto *qt = new QTranslator(app);
        if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        else
            delete qt;
    }
    // Numbers, dates and sizes follow the UI language, unless the system's
    // locale is of the same language (pt_PT keeps its own formats) or is the
    // plain C/POSIX one (a server or CI shell: left as it is).
    const QLocale system = QLocale::system();
    if (system.language() != QLocale::C && system.language() != QLocale(language).language())
        QLocale::setDefault(QLocale(language));
    return language;
}

} // namespace pdd::i18n

#include "ui/db/PasswordStore.h"

#include <qt6keychain/keychain.h>

namespace dbui {

namespace {

// Errors that mean "there is no usable keychain here" rather than "this entry failed".
bool isBackendMissing(QKeychain::Error e)
{
    return e == QKeychain::NoBackendAvailable || e == QKeychain::NotImplemented || e == QKeychain::OtherError
        || e == QKeychain::AccessDenied;
}

QString unavailableMessage(const QString &detail)
{
    return PasswordStore::tr("No keychain service is available (%1); the password was not saved "
                             "and will be asked for again.")
        .arg(detail);
}

} // namespace

PasswordStore::PasswordStore(const QString &service, QObject *parent) : QObject(parent), m_service(service)
{
}

void PasswordStore::save(const QString &key, const QString &password)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never plain text
    job->setKey(key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError) {
            m_available = true;
            Q_EMIT saved(key, true, {});
            return;
        }
        if (isBackendMissing(j->error()))
            m_available = false;
        Q_EMIT saved(key, false, unavailableMessage(j->errorString()));
    });
    job->start();
}

void PasswordStore::load(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (j->error() == QKeychain::NoError) {
            m_available = true;
            Q_EMIT loaded(key, true, read->textData(), {});
        } else if (j->error() == QKeychain::EntryNotFound) {
            Q_EMIT loaded(key, false, {}, {});
        } else {
            if (isBackendMissing(j->error()))
                m_available = false;
            Q_EMIT loaded(key, false, {},
                          tr("The keychain could not be read (%1); enter the password.").arg(j->errorString()));
        }
    });
    job->start();
}

void PasswordStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *) { Q_EMIT removed(key); });
    job->start();
}

} // namespace dbui

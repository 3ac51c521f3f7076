#include "ui/db/PasswordStore.h"

#include "jobs/Async.h"

// Built instead of PasswordStore.cpp when configured with -DPDD_WITH_KEYCHAIN=OFF:
// the same answers, asynchronous like the real store, and never a password kept.
namespace dbui {

namespace {
QString notInThisBuild()
{
    return PasswordStore::tr("This build of PostDoDjango keeps no passwords (built without QtKeychain); "
                             "the password will be asked for again.");
}
} // namespace

PasswordStore::PasswordStore(const QString &service, QObject *parent)
    : QObject(parent), m_service(service), m_available(false)
{
}

void PasswordStore::save(const QString &key, const QString &)
{
    async::Target(this).deliver([this, key] { Q_EMIT saved(key, false, notInThisBuild()); });
}

void PasswordStore::load(const QString &key)
{
    async::Target(this).deliver([this, key] { Q_EMIT loaded(key, false, {}, {}); });
}

void PasswordStore::remove(const QString &key)
{
    async::Target(this).deliver([this, key] { Q_EMIT removed(key); });
}

} // namespace dbui

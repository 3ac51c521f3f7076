// Widget-side logic of the database tab that needs no server: saved connections
// never store passwords, production detection, the side panel's formatting, the
// NULL-vs-empty rendering of the cell delegate, the connection dialog's defaults.
#include "GuiStallMeter.h"
#include "GuiWatchdog.h"
#include "Screenshot.h"
#include "db/GridRoles.h"
#include "ui/db/CellDelegate.h"
#include "ui/db/CellDetailView.h"
#include "ui/db/ConnectionDialog.h"
#include "ui/db/DbBrowserPanel.h"
#include "ui/db/DetailText.h"
#include "ui/db/PasswordStore.h"
#include "ui/db/SavedConnections.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

class TestDbUiWidgets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void savedConnectionsNeverStorePasswords();
    void savedConnectionsReplaceAndRemove();
    void production_data();
    void production();
    void detailText_data();
    void detailText();
    void hexDumpLayout();
    void hugeTextValueIsPreviewedAtOnce_data();
    void hugeTextValueIsPreviewedAtOnce();
    void delegateNullVersusEmpty();
    void delegatePendingEdit();
    void delegateUntouchedEditorChangesNothing();
    void dialogDefaultsProductionToReadOnly();
    void passwordStoreNeverFallsBackToPlainText();
    void dialogFillsSavedPasswordFromKeychain();
    void panelMnemonicsAreUnique_data();
    void panelMnemonicsAreUnique();
};

static db::ConnectionSettings sample(const QString &label = QStringLiteral("dev"))
{
    db::ConnectionSettings s;
    s.label = label;
    s.host = QStringLiteral("127.0.0.1");
    s.port = 5433;
    s.user = QStringLiteral("app");
    s.database = QStringLiteral("appdb");
    s.password = QStringLiteral("s3cr3t-Pa55word");
    return s;
}

void TestDbUiWidgets::savedConnectionsNeverStorePasswords()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("conn.ini"));
    {
        QSettings ini(path, QSettings::IniFormat);
        dbui::SavedConnections saved(&ini);
        saved.save(sample());
        const auto list = saved.list();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().user, QStringLiteral("app"));
        QCOMPARE(list.first().port, 5433);
        QVERIFY(list.first().password.isEmpty());
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray raw = file.readAll();
    QVERIFY2(raw.contains("appdb"), raw.constData());
    QVERIFY2(!raw.contains("s3cr3t"), "the password reached QSettings");
    QVERIFY(!raw.toLower().contains("password"));
}

void TestDbUiWidgets::savedConnectionsReplaceAndRemove()
{
    QTemporaryDir dir;
    QSettings ini(dir.filePath(QStringLiteral("c.ini")), QSettings::IniFormat);
    dbui::SavedConnections saved(&ini);
    auto a = sample(QStringLiteral("dev"));
    auto b = sample(QStringLiteral("prod"));
    b.readOnly = true;
    saved.save(a);
    saved.save(b);
    a.port = 6000;
    saved.save(a); // same name: replaced, not duplicated
    auto list = saved.list();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).port, 6000);
    QVERIFY(list.at(1).readOnly);
    saved.remove(QStringLiteral("dev"));
    list = saved.list();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().label, QStringLiteral("prod"));
    QCOMPARE(dbui::SavedConnections::keychainKey(a), QStringLiteral("app@127.0.0.1:6000/appdb"));
    a.label.clear();
    QCOMPARE(dbui::SavedConnections::name(a), QStringLiteral("app@127.0.0.1:6000/appdb"));
}

void TestDbUiWidgets::production_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<bool>("prod");
    QTest::newRow("prod") << "prod" << true;
    QTest::newRow("Production") << "Production" << true;
    QTest::newRow("stack-prod") << "postdodjango-prod" << true;
    QTest::newRow("PROD eu") << "PROD eu" << true;
    QTest::newRow("dev") << "dev" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("product catalogue") << "reproduce" << false;
}

void TestDbUiWidgets::production()
{
    QFETCH(QString, label);
    QFETCH(bool, prod);
    QCOMPARE(dbui::looksLikeProduction(sample(label)), prod);
}

void TestDbUiWidgets::detailText_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    // clang-format off
    QTest::newRow("jsonb pretty") << "jsonb" << R"({"a": 1, "b": [true, null]})"
                                  << "{\n    \"a\": 1,\n    \"b\": [\n        true,\n        null\n    ]\n}";
    QTest::newRow("json scalar verbatim") << "json" << "42" << "42";
    QTest::newRow("broken json verbatim") << "json" << "{nope" << "{nope";
    QTest::newRow("bytea hex") << "bytea" << "\\x48690a"
                               << "00000000  48 69 0a                                          Hi.\n";
    QTest::newRow("empty bytea") << "bytea" << "\\x" << "";
    QTest::newRow("text verbatim") << "text" << "line 1\nline 2" << "line 1\nline 2";
    // clang-format on
}

void TestDbUiWidgets::detailText()
{
    QFETCH(QString, type);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(dbui::DetailText::format(type, text), expected);
}

void TestDbUiWidgets::hexDumpLayout()
{
    QByteArray bytes;
    for (int i = 0; i < 20; ++i)
        bytes.append(char(0x41 + i));
    const QStringList lines = dbui::DetailText::hexDump(bytes).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0),
             QStringLiteral("00000000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  ABCDEFGHIJKLMNOP"));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("00000010  51 52 53 54 ")));
    QVERIFY(lines.at(1).endsWith(QStringLiteral("QRST")));
    const QString cut = dbui::DetailText::hexDump(QByteArray(100, 'x'), 32);
    QVERIFY(cut.contains(QStringLiteral("68 more bytes")));
    QCOMPARE(dbui::DetailText::byteaFromHexText(QStringLiteral("\\x4142")), QByteArray("AB"));
    QVERIFY(dbui::DetailText::byteaFromHexText(QStringLiteral("\\x414")).isEmpty());
}

static QStandardItem *cell(const QVariant &full, bool isNull, const QString &type = QStringLiteral("text"))
{
    auto *item = new QStandardItem;
    item->setData(isNull ? QVariant() : full, Qt::DisplayRole);
    item->setData(isNull ? QVariant() : full, db::FullValueRole);
    item->setData(isNull, db::IsNullRole);
    item->setData(type, db::TypeNameRole);
    return item;
}

void TestDbUiWidgets::delegateNullVersusEmpty()
{
    QStandardItemModel model(1, 3);
    model.setItem(0, 0, cell(QString(), true));
    model.setItem(0, 1, cell(QStringLiteral(""), false));
    model.setItem(0, 2, cell(QStringLiteral("42"), false, QStringLiteral("int4")));
    dbui::CellDelegate delegate;
    const auto nullOpt = delegate.styledOption(model.index(0, 0));
    const auto emptyOpt = delegate.styledOption(model.index(0, 1));
    QCOMPARE(nullOpt.text, QStringLiteral("NULL"));
    QVERIFY(nullOpt.font.italic());
    QCOMPARE(emptyOpt.text, QString());
    QVERIFY(!emptyOpt.font.italic());
    QVERIFY(nullOpt.palette.color(QPalette::Text) != emptyOpt.palette.color(QPalette::Text));
    QVERIFY(delegate.styledOption(model.index(0, 2)).displayAlignment & Qt::AlignRight);
}

void TestDbUiWidgets::delegatePendingEdit()
{
    QStandardItemModel model(1, 2);
    auto *edited = cell(QStringLiteral("new"), false);
    edited->setData(true, db::PendingEditRole);
    model.setItem(0, 0, edited);
    auto *deleted = cell(QStringLiteral("gone"), false);
    deleted->setData(int(db::RowState::Deleted), db::RowStateRole);
    model.setItem(0, 1, deleted);
    dbui::CellDelegate delegate;
    const auto e = delegate.styledOption(model.index(0, 0));
    QVERIFY(e.backgroundBrush.style() != Qt::NoBrush);
    QVERIFY(e.font.bold());
    const auto d = delegate.styledOption(model.index(0, 1));
    QVERIFY(d.font.strikeOut());
    QCOMPARE(d.text, QStringLiteral("gone"));
}

void TestDbUiWidgets::dialogDefaultsProductionToReadOnly()
{
    QTemporaryDir dir;
    QSettings ini(dir.filePath(QStringLiteral("d.ini")), QSettings::IniFormat);
    dbui::SavedConnections saved(&ini);
    dbui::PasswordStore store(QStringLiteral("pdd-test-unused"));
    dbui::ConnectionDialog dialog(&saved, &store);
    dialog.setSettings(sample(QStringLiteral("dev")));
    QVERIFY(!dialog.settings().readOnly);
    auto *label = dialog.findChild<QLineEdit *>(QStringLiteral("labelEdit"));
    QVERIFY(label);
    label->clear();
    QTest::keyClicks(label, QStringLiteral("prod"));
    QVERIFY2(dialog.settings().readOnly, "typing a prod label must tick Read-only");
    // An explicit untick wins.
    auto *ro = dialog.findChild<QCheckBox *>(QStringLiteral("readOnlyCheck"));
    ro->click();
    QTest::keyClicks(label, QStringLiteral("-2"));
    QVERIFY(!dialog.settings().readOnly);
    QCOMPARE(dialog.settings().password, QStringLiteral("s3cr3t-Pa55word"));

    // Missing fields keep the dialog open.
    auto *user = dialog.findChild<QLineEdit *>(QStringLiteral("userEdit"));
    user->clear();
    dialog.show();
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestDbUiWidgets::passwordStoreNeverFallsBackToPlainText()
{
    // Whatever the machine offers: either a real keychain round-trips the secret, or
    // the store says it could not save it. In no case does it land in QSettings
    // (QtKeychain's insecure fallback writes there).
    QTemporaryDir dir;
    QCoreApplication::setOrganizationName(QStringLiteral("pdd-test"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    dbui::PasswordStore store(QStringLiteral("pdd-unit-test"));
    QSignalSpy saved(&store, &dbui::PasswordStore::saved);
    store.save(QStringLiteral("k1"), QStringLiteral("pw-in-keychain-only"));
    QVERIFY(saved.wait(15000) || saved.count() == 1);
    const bool ok = saved.first().at(1).toBool();
    // The suite runs twice: without a session bus (must refuse) and inside a
    // throwaway gnome-keyring (must round-trip), see CMakeLists.txt.
    const QString expect = qEnvironmentVariable("PDD_EXPECT_KEYCHAIN");
    if (expect == QLatin1String("1"))
        QVERIFY2(ok, qPrintable(saved.first().at(2).toString()));
    else if (expect == QLatin1String("0"))
        QVERIFY(!ok);
    if (ok) {
        QSignalSpy loaded(&store, &dbui::PasswordStore::loaded);
        store.load(QStringLiteral("k1"));
        QVERIFY(loaded.wait(15000));
        QCOMPARE(loaded.first().at(2).toString(), QStringLiteral("pw-in-keychain-only"));
        QSignalSpy removed(&store, &dbui::PasswordStore::removed);
        store.remove(QStringLiteral("k1"));
        QVERIFY(removed.wait(15000));
    } else {
        QVERIFY(!saved.first().at(2).toString().isEmpty());
        QVERIFY(saved.first().at(2).toString().contains(QStringLiteral("not saved")));
        QVERIFY(!store.seemsAvailable());
    }
    // Nothing anywhere under the settings root mentions the secret.
    QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("pw-in-keychain-only"), qPrintable(f.fileName()));
    }
}

void TestDbUiWidgets::dialogFillsSavedPasswordFromKeychain()
{
    QTemporaryDir dir;
    QSettings ini(dir.filePath(QStringLiteral("k.ini")), QSettings::IniFormat);
    dbui::SavedConnections saved(&ini);
    dbui::PasswordStore store(QStringLiteral("pdd-unit-test-dialog"));
    const auto s = sample(QStringLiteral("stored"));
    saved.save(s);
    QSignalSpy stored(&store, &dbui::PasswordStore::saved);
    store.save(dbui::SavedConnections::keychainKey(s), s.password);
    QVERIFY(stored.wait(15000) || stored.count() == 1);
    const bool keychain = stored.first().at(1).toBool();
    if (qEnvironmentVariable("PDD_EXPECT_KEYCHAIN") == QLatin1String("1"))
        QVERIFY(keychain);

    dbui::ConnectionDialog dialog(&saved, &store);
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("savedCombo"));
    auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("noteLabel"));
    QCOMPARE(combo->count(), 2); // "(new connection)" + the saved one
    combo->setCurrentIndex(1);
    Q_EMIT combo->activated(1);               // as a user's pick does
    QCOMPARE(dialog.settings().user, s.user); // fields at once
    if (keychain) {
        QTRY_COMPARE(password->text(), s.password); // the password when the keychain answers
        store.remove(dbui::SavedConnections::keychainKey(s));
    } else {
        QTRY_VERIFY(note->text().contains(QStringLiteral("keychain")));
        QVERIFY(password->text().isEmpty());
    }
}

static QChar mnemonic(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) != QLatin1Char('&'))
                return text.at(i + 1).toLower();
            ++i;
        }
    }
    return {};
}

void TestDbUiWidgets::panelMnemonicsAreUnique_data()
{
    QTest::addColumn<int>("tab");
    QTest::newRow("browse") << 0;
    QTest::newRow("console") << 1;
}

void TestDbUiWidgets::panelMnemonicsAreUnique()
{
    // Alt+letter must reach exactly one thing among what is on screen together
    // (the main window adds Data&base, &Containers, &Volumes, Co&ntainer, &Stack,
    // &Help, Activit&y, &Logs, Cle&ar, which the panel therefore avoids too).
    QFETCH(int, tab);
    QTemporaryDir dir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    DbBrowserPanel panel;
    panel.findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(tab);
    panel.show();
    QHash<QChar, QString> seen;
    for (QChar c : QStringLiteral("bcvnshyla"))
        seen.insert(c, QStringLiteral("main window"));
    auto check = [&](const QString &text) {
        const QChar m = mnemonic(text);
        if (m.isNull())
            return;
        QVERIFY2(!seen.contains(m),
                 qPrintable(QStringLiteral("'%1' and '%2' share Alt+%3").arg(text, seen.value(m), m)));
        seen.insert(m, text);
    };
    for (QWidget *w : panel.findChildren<QWidget *>()) {
        if (!w->isVisible())
            continue;
        if (auto *b = qobject_cast<QAbstractButton *>(w); b && !qobject_cast<QToolButton *>(w))
            check(b->text());
        else if (auto *l = qobject_cast<QLabel *>(w); l && l->buddy())
            check(l->text());
        else if (auto *bar = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < bar->count(); ++i)
                check(bar->tabText(i));
    }
    QVERIFY(seen.size() > 9);
}

// F2 then Enter without typing: the NULL stays NULL, a value stays itself (issue 9.5).
void TestDbUiWidgets::delegateUntouchedEditorChangesNothing()
{
    QStandardItemModel model(1, 2);
    model.setItem(0, 0, cell(QString(), true, QStringLiteral("int4")));
    model.setItem(0, 1, cell(QStringLiteral("7"), false, QStringLiteral("int4")));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    dbui::CellDelegate delegate;
    QWidget parent;
    for (int column : {0, 1}) {
        const QModelIndex index = model.index(0, column);
        std::unique_ptr<QWidget> editor(delegate.createEditor(&parent, QStyleOptionViewItem(), index));
        auto *line = qobject_cast<QLineEdit *>(editor.get());
        QVERIFY(line);
        delegate.setEditorData(line, index);
        delegate.setModelData(line, &model, index); // Enter, nothing typed
        QCOMPARE(changed.count(), 0);
    }
    QVERIFY(!model.index(0, 0).data(Qt::EditRole).isValid());
    // Typing is an edit: even typing nothing back into a NULL cell after a keystroke.
    const QModelIndex index = model.index(0, 0);
    std::unique_ptr<QWidget> editor(delegate.createEditor(&parent, QStyleOptionViewItem(), index));
    auto *line = qobject_cast<QLineEdit *>(editor.get());
    delegate.setEditorData(line, index);
    QTest::keyClicks(line, QStringLiteral("42"));
    delegate.setModelData(line, &model, index);
    QCOMPARE(model.index(0, 0).data(Qt::EditRole).toString(), QStringLiteral("42"));
}

// A 10 MB value selected: the panel shows a bounded preview at once (it laid the
// whole value out on the GUI thread for over 11 minutes; issue 9.1), says so,
// and Copy value still copies all of it.
void TestDbUiWidgets::hugeTextValueIsPreviewedAtOnce_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QString words;
    for (int i = 0; words.size() < 10 * 1024 * 1024; ++i)
        words += QStringLiteral("word%1 ").arg(i);
    QTest::newRow("text, 10 MB of words") << "text" << words;
    QTest::newRow("text, one 10 MB line") << "text" << QString(10 * 1024 * 1024, QLatin1Char('x'));
    QString json = QStringLiteral("[");
    while (json.size() < 10 * 1024 * 1024)
        json += QStringLiteral("{\"k\": 12345, \"v\": \"abcdefgh\"},");
    json += QStringLiteral("1]");
    QTest::newRow("jsonb, 10 MB") << "jsonb" << json;
}

void TestDbUiWidgets::hugeTextValueIsPreviewedAtOnce()
{
    QFETCH(QString, type);
    QFETCH(QString, value);
    QStandardItemModel model(1, 1);
    model.setHorizontalHeaderLabels({QStringLiteral("body")});
    model.setItem(0, 0, cell(value, false, type));
    dbui::CellDetailView view;
    view.resize(500, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    pddtest::GuiStallMeter meter;
    meter.start();
    QTimer::singleShot(20, &view, [&] { view.showIndex(model.index(0, 0)); });
    QTest::qWait(400); // the selection, then paints and layout of the panel
    meter.stop();
    qInfo("%s: worst GUI stall %lld ms", QTest::currentDataTag(), meter.worstMs());
    QVERIFY2(meter.worstMs() < 100, qPrintable(QStringLiteral("the GUI stalled %1 ms").arg(meter.worstMs())));

    const QString shown = view.text();
    QVERIFY(shown.size() < dbui::DetailText::kMaxPreviewChars + 200);
    QVERIFY(shown.startsWith(value.left(100)));
    QVERIFY(shown.contains(QStringLiteral("more characters not shown")));
    QVERIFY2(view.summary().contains(QStringLiteral("showing the first")), qPrintable(view.summary()));
    QVERIFY(pddtest::saveScreenshot(
        &view,
        QStringLiteral("db-detail-10mb-")
            + QString::fromLatin1(QTest::currentDataTag())
                  .replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"))));
    auto *copy = view.findChild<QToolButton *>(QStringLiteral("copyValueButton"));
    QVERIFY(copy && copy->isEnabled());
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text().size(), value.size());
    // A small value is shown whole, formatted.
    model.setItem(0, 0, cell(QStringLiteral("{\"a\":1}"), false, QStringLiteral("jsonb")));
    view.showIndex(model.index(0, 0));
    QCOMPARE(view.text(), QStringLiteral("{\n    \"a\": 1\n}"));
}

PDD_GUI_TEST_MAIN(TestDbUiWidgets)
#include "tst_dbui_widgets.moc"

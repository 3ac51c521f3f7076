#pragma once

#include "engine/EngineEndpoint.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class LogFollower;
namespace Ui {
class LogPane;
}

// Follows the selected container's log through a LogFollower (worker thread,
// multiplexed stream decoded there); stderr lines are tinted. Switching
// containers stops the previous follower. Whatever the container prints, the
// GUI thread appends at most kMaxLinesPerTick lines every kTickMs, keeps
// scrollback() lines (setting logs/scrollback, default 10,000), and says
// "… N lines skipped" where the follower's bounded queue dropped lines.
class LogPane : public QWidget
{
    Q_OBJECT
public:
    explicit LogPane(QWidget *parent = nullptr);
    ~LogPane() override;

    void setEndpoint(const EngineEndpoint &endpoint) { m_endpoint = endpoint; }
    void follow(const QString &containerId, const QString &label);
    void stopFollowing(const QString &why = {});
    QString followedId() const { return m_followedId; }
    int scrollback() const { return m_scrollback; }
    void setScrollback(int lines);

    // Find in the shown log (Container > Find in log…): focus the field, then
    // Enter / F3 find the next match, Shift+Enter / Shift+F3 the previous one,
    // wrapping around; the field turns red when nothing matches.
    void focusFind();
    bool findNext(bool backward = false);

    static constexpr int kTickMs = 50;
    static constexpr int kMaxLinesPerTick =
        500; // 10,000 lines/s: more than anyone reads, and a tick stays short on a busy machine

private:
    void drain();

    std::unique_ptr<Ui::LogPane> m_ui;
    EngineEndpoint m_endpoint;
    QString m_followedId;
    QString m_label;
    LogFollower *m_follower = nullptr;
    QTimer m_drainTimer;
    int m_scrollback = 10000;
};

#pragma once

#include "engine/EngineEndpoint.h"

#include <QWidget>

#include <memory>

class LogFollower;
namespace Ui {
class LogPane;
}

// Follows the selected container's log through a LogFollower (worker thread,
// multiplexed stream decoded there); stderr lines are tinted. Switching
// containers stops the previous follower.
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

private:
    void append(const QString &stream, const QString &text);

    std::unique_ptr<Ui::LogPane> m_ui;
    EngineEndpoint m_endpoint;
    QString m_followedId;
    QString m_label;
    LogFollower *m_follower = nullptr;
};

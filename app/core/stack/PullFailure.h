#pragma once

#include <QString>

#include <optional>

// compose/run's sentence when a base image can be neither found nor pulled
// ("could not pull IMAGE: WHY (REASON). Set KEY in ENV to a mirror or a local
// image, or run packaging/setup --local-images."), read back into its parts so
// the banner can say it in the user's language with the command to run.
struct PullFailure
{
    QString image;    // postgres:16
    QString why;      // the script's words: "no registry reachable", ...
    QString reason;   // the daemon's one line
    QString variable; // POSTGRES_IMAGE
    QString envFile;  // /path/compose/.env
    bool noRegistry = false;

    // From a failed run's error (its last stderr line, "run: " and the exit
    // code around it or not); nullopt for any other failure.
    static std::optional<PullFailure> parse(const QString &error);
};

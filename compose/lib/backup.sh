# shellcheck shell=sh disable=SC2154 # here, STACK_NAME and the flags are run's
# Backups of a mode's database (sh run -8), sourced by compose/run: it relies on
# run's say/die, setting, compose, project_containers and wait_healthy.
#
#   backups/<mode>/<STACK_NAME>-<mode>-<UTC>.dump   pg_dump -Fc, streamed out of the db container
#   backups/<mode>/<STACK_NAME>-<mode>-<UTC>.json   the sidecar: size, SHA-256, PostgreSQL
#                                                   version, migrations applied, reason
# Both are 0600 in a 0700 folder. A restore goes into a new database first and
# replaces the mode's database only once pg_restore has finished without an
# error, so a truncated or corrupt archive, or a cancel, leaves it as it was.

backup_dir() { printf '%s/backups/%s' "$here" "$1"; }

# db_container MODE: the running db container's id, or one sentence and exit.
db_container() {
    cid=$(project_containers "$STACK_NAME-$1" db | head -n 1)
    if [ -z "$cid" ] || [ "$(docker inspect -f '{{.State.Running}}' "$cid" 2>/dev/null)" != true ]; then
        case $1 in prod) start="sh run -0" ;; *) start="sh run -1 (or -2)" ;; esac
        die "the $1 database is not running ($STACK_NAME-$1 has no running db container); start it with $start first."
    fi
    printf '%s' "$cid"
}

# db_sql CID SQL: one query as the container's own POSTGRES_USER on its
# POSTGRES_DB, unaligned tuples on stdout (the container's values, so .env and
# the volume can never disagree about the names).
db_sql() {
    printf '%s\n' "$2" | docker exec -i "$1" sh -c 'exec psql -X -q -v ON_ERROR_STOP=1 -tA -U "$POSTGRES_USER" -d "$POSTGRES_DB"'
}

sha256_of() {
    if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
    else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

file_size() { wc -c <"$1" | tr -d ' '; }

# human BYTES: 1.5 MB and the like, for messages only.
human() { awk -v b="$1" 'BEGIN { split("B KB MB GB TB", u, " "); i = 1; while (b >= 1000 && i < 5) { b /= 1000; i++ }
                                 printf (i == 1 ? "%d %s" : "%.1f %s"), b, u[i] }'; }

# json_list WORD...: ["a","b"] for words that are identifiers (migration names).
json_list() {
    printf '['
    sep=""
    for w in "$@"; do printf '%s"%s"' "$sep" "$(printf '%s' "$w" | sed 's/[\\"]/\\&/g')"; sep=,; done
    printf ']'
}

# sidecar_field FILE.json KEY: a string or number field of a sidecar this script wrote.
sidecar_field() {
    sed -n "s/.*\"$2\": *\"\\{0,1\\}\\([^\",}]*\\)\"\\{0,1\\}[,}].*/\\1/p" "$1" | head -n 1
}

free_bytes() { df -P -k "$1" 2>/dev/null | awk 'NR == 2 { print $4 * 1024 }'; }

# The applied Django migrations, in order, on one line; no row at all where
# Django never ran (its table is only read once it is known to exist: a plain
# subquery would fail on a database without it).
migrations_sql="SELECT coalesce((xpath('/row/m/text()', query_to_xml('SELECT string_agg(app || ''.'' || name, '' '' ORDER BY id) AS m FROM django_migrations', false, true, '')))[1]::text, '') WHERE to_regclass('django_migrations') IS NOT NULL"

# backup_take MODE REASON: a new dump of MODE's database; prints its path on stdout.
backup_take() {
    bm=$1 reason=$2
    cid=$(db_container "$bm")
    dir=$(backup_dir "$bm")
    mkdir -p "$dir" || die "could not create $dir; check the permissions of $here."
    chmod 700 "$here/backups" "$dir"
    stamp=$(date -u +%Y%m%dT%H%M%SZ)
    name="$STACK_NAME-$bm-$stamp"
    n=1
    while [ -e "$dir/$name.dump" ]; do n=$((n + 1)); name="$STACK_NAME-$bm-$stamp-$n"; done
    part="$dir/.$name.dump.partial"

    version=$(db_sql "$cid" "SHOW server_version") || die "could not query the $bm database (see above)."
    version_num=$(db_sql "$cid" "SHOW server_version_num")
    tables=$(db_sql "$cid" "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")
    # shellcheck disable=SC2046 # migration names are single words
    migrations=$(db_sql "$cid" "$migrations_sql")

    say "backup of $STACK_NAME-$bm ($reason): PostgreSQL $version, $tables tables ..."
    old_umask=$(umask)
    umask 077
    # A cancel (the app's, Ctrl+C) or a failure leaves no partial file behind,
    # and no pg_dump in the container: killing docker exec does not end it
    # there, so its session (named for this run) is ended from the server side.
    app_name="pdd-backup-$$"
    trap 'rm -f "$part" "$part.rc"; db_sql "$cid" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"'"'$app_name'"'"'" >/dev/null 2>&1; exit 143' TERM INT HUP
    # pg_dump -v names each table as it starts it: that counts the progress;
    # the archive goes straight to the file, the messages to the filter.
    { if docker exec -e PGAPPNAME="$app_name" "$cid" sh -c 'exec pg_dump -v -Fc -U "$POSTGRES_USER" -d "$POSTGRES_DB"' 2>&1 >"$part"; then
          echo 0 >"$part.rc"; else echo "$?" >"$part.rc"; fi; } \
        | { k=0
            while IFS= read -r line; do
                case $line in
                    *"dumping contents of table"*)
                        k=$((k + 1))
                        say "backup: [$k/$tables] tables, $(file_size "$part") bytes written" ;;
                    *"pg_dump: error"*|*rror*) printf '%s\n' "$line" >&2 ;;
                esac
            done; }
    rc=$(cat "$part.rc" 2>/dev/null || echo 1)
    rm -f "$part.rc"
    umask "$old_umask"
    if [ "$rc" != 0 ]; then
        written=$(file_size "$part" 2>/dev/null || echo 0)
        rm -f "$part"
        trap - TERM INT HUP
        free=$(free_bytes "$dir")
        if [ -n "$free" ] && [ "$free" -lt 1048576 ]; then
            die "the backup failed: the disk holding $dir is full ($(human "$free") free after $(human "$written") written); the partial file was removed and older backups are untouched."
        fi
        die "the backup failed after $(human "$written") (pg_dump or writing $dir failed: disk full, a file-size limit, or the container stopped; see above); the partial file was removed and older backups are untouched."
    fi
    size=$(file_size "$part")
    sum=$(sha256_of "$part")
    created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    # shellcheck disable=SC2086 # migration names are single words
    {
        printf '{\n  "file": "%s.dump",\n  "stack": "%s",\n  "mode": "%s",\n' "$name" "$STACK_NAME" "$bm"
        printf '  "created": "%s",\n  "reason": "%s",\n  "size": %s,\n  "sha256": "%s",\n' "$created" "$reason" "$size" "$sum"
        printf '  "postgres_version": "%s",\n  "postgres_version_num": %s,\n' "$version" "$version_num"
        printf '  "format": "pg_dump -Fc",\n  "migrations": %s\n}\n' "$(json_list $migrations)"
    } >"$part.json" || { rm -f "$part" "$part.json"; trap - TERM INT HUP; die "could not write the sidecar in $dir (disk full?); the partial backup was removed."; }
    chmod 600 "$part" "$part.json"
    mv "$part.json" "$dir/$name.json"
    mv "$part" "$dir/$name.dump"
    trap - TERM INT HUP
    say "backup written: $dir/$name.dump ($(human "$size"), sha256 $sum)."
    backup_prune "$bm"
    printf '%s\n' "$dir/$name.dump"
}

# backup_prune MODE: keep the BACKUP_KEEP newest dumps of MODE; the newest
# pre-migration one is kept whatever their number (the way back after a failed
# migration must not be pruned by a manual backup taken right after it).
# dumps_newest_first DIR PREFIX: the names of DIR's PREFIX*.dump, newest first
# (stamps sort by time; the names are this script's, without blanks).
dumps_newest_first() {
    for f in "$1/$2"*.dump; do [ -e "$f" ] && printf '%s\n' "${f##*/}"; done | sort -r
}

backup_prune() {
    keep=$(setting BACKUP_KEEP 10)
    case $keep in ''|*[!0-9]*) die "BACKUP_KEEP=$keep in $here/.env is not a number." ;; esac
    dir=$(backup_dir "$1")
    newest_pre=""
    for f in "$dir/$STACK_NAME-$1-"*.dump; do
        [ -e "$f" ] || continue
        [ "$(sidecar_field "${f%.dump}.json" reason 2>/dev/null)" != pre-migration ] || newest_pre=$f
    done
    # Names sort by time (UTC stamps); the newest first.
    dumps_newest_first "$dir" "$STACK_NAME-$1-" | awk -v keep="$keep" 'NR > keep' \
        | while IFS= read -r old; do
            [ "$dir/$old" != "$newest_pre" ] || continue
            rm -f "$dir/$old" "$dir/${old%.dump}.json"
            say "pruned $dir/$old (BACKUP_KEEP=$keep)."
        done
}

backup_list() {
    for lm in $1; do
        dir=$(backup_dir "$lm")
        printf '%s-%s (%s):\n' "$STACK_NAME" "$lm" "$dir"
        found=0
        for f in $(dumps_newest_first "$dir" ""); do
            found=1
            j="$dir/${f%.dump}.json"
            if [ -f "$j" ]; then
                nmig=$(sed -n 's/.*"migrations": *\[\(.*\)\].*/\1/p' "$j" | tr ',' '\n' | grep -c . || true)
                printf '  %s  %-13s %9s  PostgreSQL %-6s %3s migrations  %s\n' "$(sidecar_field "$j" created)" \
                    "$(sidecar_field "$j" reason)" "$(human "$(sidecar_field "$j" size)")" \
                    "$(sidecar_field "$j" postgres_version | cut -d' ' -f1)" "$nmig" "$f"
            else
                printf '  %-20s  %-13s %9s  %s\n' "?" "no sidecar" "$(human "$(file_size "$dir/$f")")" "$f"
            fi
        done
        [ "$found" = 1 ] || printf '  (none)\n'
    done
}

# backup_check FILE: the sidecar's size and SHA-256 match; one sentence and exit otherwise.
backup_check() {
    f=$1
    [ -f "$f" ] || die "$f does not exist."
    [ -r "$f" ] || die "$f is not readable by $(id -un)."
    j="${f%.dump}.json"
    if [ ! -f "$j" ]; then
        say "warning: $f has no sidecar (${j##*/}): its checksum cannot be checked; pg_restore still checks the archive."
        return 0
    fi
    want_size=$(sidecar_field "$j" size) want_sum=$(sidecar_field "$j" sha256)
    size=$(file_size "$f")
    [ "$size" = "$want_size" ] || die "refused: $f has $size bytes but its sidecar says $want_size (truncated or changed); nothing was changed."
    [ "$(sha256_of "$f")" = "$want_sum" ] || die "refused: the SHA-256 of $f does not match its sidecar (the file is damaged or was changed); nothing was changed."
}

backup_verify() {
    f=$1
    backup_check "$f"
    img=$(setting POSTGRES_IMAGE "$(compose_default POSTGRES_IMAGE)")
    docker image inspect "$img" >/dev/null 2>&1 || need_image POSTGRES_IMAGE
    # --list reads the table of contents; a full read to /dev/null proves every
    # table's data is there (a truncated archive fails it).
    entries=$(docker run --rm -i --network none --entrypoint pg_restore "$img" --list <"$f" 2>&1) \
        || die "refused: $f is not a pg_dump archive this PostgreSQL can read ($(printf '%s' "$entries" | grep -v '^;' | tail -n 1))."
    out=$(docker run --rm -i --network none --entrypoint pg_restore "$img" -f /dev/null <"$f" 2>&1) \
        || die "refused: $f is incomplete or damaged ($(printf '%s' "$out" | tail -n 1))."
    say "$f is good: checksum matches its sidecar, $(printf '%s\n' "$entries" | grep -vc '^;') archive entries, every one readable."
}

# confirm_prod_restore FILE: typed confirmation (the stack name) for prod.
confirm_prod_restore() {
    if [ -n "$restore_yes" ]; then
        [ "$restore_yes" = "$STACK_NAME" ] || die "refused: --yes-restore-prod=$restore_yes does not name this stack ($STACK_NAME); nothing was changed."
        return 0
    fi
    if [ ! -t 0 ]; then
        die "refused: restoring replaces the prod database; type the stack name at the prompt (run it in a terminal) or pass --yes-restore-prod=$STACK_NAME; nothing was changed."
    fi
    printf 'Restoring %s replaces the whole prod database of %s.\nType the stack name (%s) to go on: ' "${1##*/}" "$STACK_NAME" "$STACK_NAME" >&2
    IFS= read -r answer || answer=""
    [ "$answer" = "$STACK_NAME" ] || die "refused: the name typed is not $STACK_NAME; nothing was changed."
}

# backup_restore FILE MODE
backup_restore() {
    f=$1 rm_=$2
    backup_check "$f"
    cid=$(db_container "$rm_")
    j="${f%.dump}.json"
    server_num=$(db_sql "$cid" "SHOW server_version_num")
    if [ -f "$j" ]; then
        dump_num=$(sidecar_field "$j" postgres_version_num)
        if [ -n "$dump_num" ] && [ $((dump_num / 10000)) -gt $((server_num / 10000)) ]; then
            die "refused: $f comes from PostgreSQL $((dump_num / 10000)), newer than the $rm_ server's $((server_num / 10000)); restore it into a PostgreSQL $((dump_num / 10000)) or newer (POSTGRES_IMAGE). Nothing was changed."
        fi
    fi
    [ "$rm_" != prod ] || confirm_prod_restore "$f"

    size=$(file_size "$f")
    web_running=""
    [ -z "$(docker ps -q --filter "label=com.docker.compose.project=$STACK_NAME-$rm_" --filter "label=com.docker.compose.service=web")" ] || web_running=1
    # No request writes between the restore and the switch.
    if [ -n "$web_running" ]; then
        say "stopping web of $STACK_NAME-$rm_ during the restore ..."
        compose "$rm_" stop web >&2
    fi
    restart_web() {
        [ -n "$web_running" ] || return 0
        say "starting web of $STACK_NAME-$rm_ again ..."
        restarts_before "$STACK_NAME-$rm_"
        compose "$rm_" start web >&2
        wait_healthy "$STACK_NAME-$rm_" web
    }
    psql_admin() { # SQL on stdin, as the superuser on the maintenance database
        docker exec -i "$cid" sh -c 'exec psql -X -q -v ON_ERROR_STOP=1 -tA -U "$POSTGRES_USER" -d postgres -v db="$POSTGRES_DB" -v tmp="${POSTGRES_DB}_pdd_restore" -v old="${POSTGRES_DB}_pdd_old"'
    }
    drop_tmp() { printf 'DROP DATABASE IF EXISTS :"tmp" WITH (FORCE);\n' | psql_admin >/dev/null 2>&1 || true; }
    drop_tmp
    printf 'CREATE DATABASE :"tmp" TEMPLATE template0;\n' | psql_admin \
        || { restart_web; die "could not create the restore database in $STACK_NAME-$rm_ (see above); nothing was changed."; }
    trap 'drop_tmp; restart_web; exit 143' TERM INT HUP
    say "restoring ${f##*/} ($(human "$size")) into $STACK_NAME-$rm_ ..."
    errs=$(mktemp)
    docker exec -i "$cid" sh -c 'exec pg_restore --no-owner --exit-on-error --single-transaction -U "$POSTGRES_USER" -d "${POSTGRES_DB}_pdd_restore"' <"$f" 2>"$errs" &
    rpid=$!
    # Progress: how far the docker CLI has read the file (Linux's fdinfo; elsewhere
    # only the end), from a reporter beside it, so the end is seen at once.
    while kill -0 "$rpid" 2>/dev/null; do
        pos=$(sed -n 's/^pos:[[:space:]]*//p' "/proc/$rpid/fdinfo/0" 2>/dev/null || true)
        [ -z "$pos" ] || say "restore: [$pos/$size] bytes read"
        sleep 1
    done &
    ppid_=$!
    if wait "$rpid"; then rc=0; else rc=$?; fi
    kill "$ppid_" 2>/dev/null || true
    if [ "$rc" != 0 ]; then
        reason=$(grep -v '^[[:space:]]*$' "$errs" | tail -n 1)
        rm -f "$errs"
        drop_tmp
        trap - TERM INT HUP
        restart_web
        die "refused: pg_restore could not read ${f##*/} to its end ($reason); the $rm_ database is unchanged."
    fi
    rm -f "$errs"
    # The switch: nobody connected (the app's browser and pgAdmin reconnect),
    # then two renames; the old database goes only after both.
    psql_admin <<'EOF' >/dev/null || { drop_tmp; trap - TERM INT HUP; restart_web; die "could not switch to the restored database (see above); the $rm_ database is unchanged."; }
ALTER DATABASE :"db" WITH ALLOW_CONNECTIONS false;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :'db' AND pid <> pg_backend_pid();
BEGIN;
ALTER DATABASE :"db" RENAME TO :"old";
ALTER DATABASE :"tmp" RENAME TO :"db";
COMMIT;
ALTER DATABASE :"db" WITH ALLOW_CONNECTIONS true;
EOF
    trap - TERM INT HUP
    printf 'DROP DATABASE :"old" WITH (FORCE);\n' | psql_admin >/dev/null \
        || say "warning: the previous database is still there as $(setting POSTGRES_DB app)_pdd_old; drop it once you are sure."
    restart_web
    say "restored ${f##*/} into $STACK_NAME-$rm_."
}

# migration_plan MODE [--json]: Django's view of the mode's migrations, from
# the running web container, or a one-off one of the web image when web is down.
migration_plan() {
    mm=$1
    shift
    db_container "$mm" >/dev/null
    err=$(mktemp)
    if [ -n "$(docker ps -q --filter "label=com.docker.compose.project=$STACK_NAME-$mm" --filter "label=com.docker.compose.service=web")" ]; then
        set -- exec -T web python manage.py migration_plan "$@"
    else
        set -- run --rm --no-deps -T --entrypoint python web manage.py migration_plan "$@"
    fi
    if compose "$mm" "$@" 2>"$err"; then rm -f "$err"; return 0; fi
    if grep -q "Unknown command: 'migration_plan'" "$err"; then
        rm -f "$err"
        die "the $mm web image has no migration_plan command (it was built before it existed); build it again (sh run -3), then start $mm again."
    fi
    cat "$err" >&2
    rm -f "$err"
    die "Django could not list the $mm migrations (see above)."
}

# ---------------------------------------------------------------- PostgreSQL majors
# image_pg_major IMAGE: the PostgreSQL major version an image runs (PG_MAJOR,
# which the official images and the local ones set; else `postgres --version`).
image_pg_major() {
    v=$(docker image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$1" 2>/dev/null | sed -n 's/^PG_MAJOR=\([0-9]*\).*/\1/p')
    [ -n "$v" ] || v=$(docker run --rm --network none --entrypoint postgres "$1" --version 2>/dev/null | sed -n 's/^[^0-9]*\([0-9][0-9]*\).*/\1/p')
    printf '%s' "$v"
}

# local_image_for_major MAJOR NEWIMAGE: a tagged image on this machine that runs
# that PostgreSQL major; one of NEWIMAGE's own repository first (postgres:17 →
# postgres:16), then any other.
local_image_for_major() {
    repo=${2%:*}
    # shellcheck disable=SC2046 # image references are single words
    docker image inspect -f '{{if .RepoTags}}{{index .RepoTags 0}}{{range .Config.Env}} {{.}}{{end}}{{end}}' \
        $(docker images -q --filter dangling=false | sort -u) 2>/dev/null \
        | awk -v m="PG_MAJOR=$1" -v repo="$repo" '
            { for (i = 2; i <= NF; i++) if ($i == m) { r = $1; sub(/:[^:\/]*$/, "", r)
                                                      if (r == repo) { print $1; found = 1; exit }
                                                      if (other == "") other = $1 } }
            END { if (!found && other != "") print other }'
}

# volume_pg_major VOLUME IMAGE: the major version of the data in VOLUME (its
# PG_VERSION file, read by a throwaway container of IMAGE); empty for a new volume.
volume_pg_major() {
    docker volume inspect "$1" >/dev/null 2>&1 || return 0
    docker run --rm --network none -v "$1:/data:ro" --entrypoint cat "$2" /data/PG_VERSION 2>/dev/null | tr -d ' \n' || true
}

# check_pg_data MODE: before a start, the database volume's major version is
# the one POSTGRES_IMAGE runs (a newer server refuses older data, and says so
# only in its log). Skipped while the db container runs: it runs on that data.
check_pg_data() {
    [ -z "$(project_containers "$STACK_NAME-$1" db)" ] || [ "$(docker inspect -f '{{.State.Running}}' "$(project_containers "$STACK_NAME-$1" db | head -n 1)" 2>/dev/null)" != true ] || return 0
    img=$(setting POSTGRES_IMAGE "$(compose_default POSTGRES_IMAGE)")
    have=$(volume_pg_major "$STACK_NAME-$1_pgdata" "$img")
    [ -n "$have" ] || return 0
    want=$(image_pg_major "$img")
    [ -n "$want" ] && [ "$have" != "$want" ] || return 0
    if [ "$want" -gt "$have" ]; then
        die "the $1 database ($STACK_NAME-$1_pgdata) holds PostgreSQL $have data, but POSTGRES_IMAGE=$img runs PostgreSQL $want, which cannot open it. Upgrade it with: sh run -8 upgrade-postgres $img $1 (backup, new volume, restore, check; the old volume is kept), or set POSTGRES_IMAGE back to a PostgreSQL $have image. Nothing was started."
    fi
    die "the $1 database ($STACK_NAME-$1_pgdata) holds PostgreSQL $have data, newer than POSTGRES_IMAGE=$img (PostgreSQL $want); set POSTGRES_IMAGE to a PostgreSQL $have image. Nothing was started."
}

# set_dotenv KEY VALUE: KEY=VALUE in .env (replaced in place, or added).
set_dotenv() {
    PDD_KEY=$1 PDD_VALUE=$2 awk '
        BEGIN { done = 0; re = "^[[:space:]]*(export[[:space:]]+)?" ENVIRON["PDD_KEY"] "[[:space:]]*=" }
        $0 ~ re { print ENVIRON["PDD_KEY"] "=" ENVIRON["PDD_VALUE"]; done = 1; next }
        { print }
        END { if (!done) print ENVIRON["PDD_KEY"] "=" ENVIRON["PDD_VALUE"] }' "$here/.env" >"$here/.env.tmp" \
        || { rm -f "$here/.env.tmp"; return 1; }
    chmod 600 "$here/.env.tmp"
    mv "$here/.env.tmp" "$here/.env"
}

# Every table's exact row count and the applied migrations: what must be equal
# before and after an upgrade.
census_sql="SELECT n.nspname || '.' || c.relname || ' ' || (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1;
SELECT 'migrations ' || coalesce(($migrations_sql), '');"

# upgrade_postgres IMAGE MODE: the mode's database onto a newer PostgreSQL major.
# Backup; a new volume initialised by IMAGE; restore; the same rows and
# migrations; only then the switch. The old data stays in <volume>-pg<old>.
upgrade_postgres() {
    new=$1 um=$2
    project="$STACK_NAME-$um" vol="$STACK_NAME-${um}_pgdata"
    docker image inspect "$new" >/dev/null 2>&1 || docker pull "$new" >&2 \
        || die "$new is neither on this machine nor can it be pulled; build or pull a PostgreSQL image first. Nothing was changed."
    new_major=$(image_pg_major "$new")
    [ -n "$new_major" ] || die "$new does not look like a PostgreSQL image (no PG_MAJOR, no postgres --version). Nothing was changed."
    old_img=$(setting POSTGRES_IMAGE "$(compose_default POSTGRES_IMAGE)")
    if [ -z "$(docker ps -q --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=db")" ]; then
        have=$(volume_pg_major "$vol" "$new")
        [ -n "$have" ] || die "$vol does not exist or holds no database; nothing to upgrade (a new stack starts on POSTGRES_IMAGE as it is)."
        if [ "$(image_pg_major "$old_img")" != "$have" ]; then
            # POSTGRES_IMAGE names the new server already: the old data is read
            # with an image of its own major that is on this machine.
            old_img=$(local_image_for_major "$have" "$new")
            [ -n "$old_img" ] || die "$vol holds PostgreSQL $have data and no PostgreSQL $have image is on this machine to read it with; pull or build one (docker pull postgres:$have), then run this again. Nothing was changed."
        fi
        say "starting the $um database on $old_img (PostgreSQL $have) to read it ..."
        restarts_before "$project"
        # shellcheck disable=SC2030 # for this one compose call only
        (POSTGRES_IMAGE=$old_img && export POSTGRES_IMAGE && compose "$um" up -d db >&2)
        wait_healthy "$project" db
    fi
    cid=$(db_container "$um")
    old_major=$(($(db_sql "$cid" "SHOW server_version_num") / 10000))
    [ "$new_major" -gt "$old_major" ] || die "$new runs PostgreSQL $new_major; the $um database is PostgreSQL $old_major already. Nothing was changed."
    keep="$vol-pg$old_major" side="$vol-upgrade" tname="$project-pg-upgrade"
    docker volume inspect "$keep" >/dev/null 2>&1 \
        && die "$keep (kept by an earlier upgrade) exists; remove it once you no longer need it (docker volume rm $keep), then run this again. Nothing was changed."
    docker rm -f "$tname" >/dev/null 2>&1 || true
    docker volume rm "$side" >/dev/null 2>&1 || true

    web_running=""
    [ -z "$(docker ps -q --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=web")" ] || web_running=1
    if [ -n "$web_running" ]; then
        say "stopping web of $project: nothing writes during the upgrade ..."
        compose "$um" stop web >&2
    fi
    dump=$(backup_take "$um" pre-upgrade | tail -n 1)
    before=$(db_sql "$cid" "$census_sql") || die "could not count the rows of the $um database (see above). Nothing was changed."

    fail() { # the new server and its volume go; the old database is untouched
        docker rm -f "$tname" >/dev/null 2>&1 || true
        docker volume rm "$side" >/dev/null 2>&1 || true
        if [ -n "$web_running" ]; then restarts_before "$project"; compose "$um" start web >&2 || true; fi
        die "$* The $um database is unchanged (PostgreSQL $old_major); the backup taken first is $dump."
    }
    say "initialising PostgreSQL $new_major ($new) in a new volume ..."
    pw=$(docker exec "$cid" sh -c 'printf %s "$POSTGRES_PASSWORD"')
    user=$(docker exec "$cid" sh -c 'printf %s "$POSTGRES_USER"')
    dbname=$(docker exec "$cid" sh -c 'printf %s "$POSTGRES_DB"')
    docker volume create --label "com.docker.compose.project=$project" --label "org.postdodjango.upgrade-of=$vol" "$side" >/dev/null \
        || fail "could not create the volume $side."
    # The password reaches docker through its environment, never its command line.
    POSTGRES_PASSWORD=$pw POSTGRES_USER=$user POSTGRES_DB=$dbname docker run -d --name "$tname" --network none \
        --label "com.docker.compose.project=$project" -e POSTGRES_PASSWORD -e POSTGRES_USER -e POSTGRES_DB \
        -v "$side:/var/lib/postgresql/data" "$new" >/dev/null || fail "could not start $new."
    n=0
    until docker exec "$tname" pg_isready -q -h 127.0.0.1 -U "$user" >/dev/null 2>&1; do
        [ "$(docker inspect -f '{{.State.Running}}' "$tname" 2>/dev/null)" = true ] \
            || { docker logs --tail 20 "$tname" >&2 2>&1 || true; fail "PostgreSQL $new_major stopped while initialising (its log is above)."; }
        n=$((n + 1))
        [ "$n" -lt "$WAIT_TIMEOUT" ] || fail "PostgreSQL $new_major was not ready after $WAIT_TIMEOUT s."
        sleep 1
    done
    say "restoring the backup into PostgreSQL $new_major ..."
    docker exec -i "$tname" sh -c 'exec pg_restore --no-owner --exit-on-error --single-transaction -U "$POSTGRES_USER" -d "$POSTGRES_DB"' <"$dump" >&2 \
        || fail "pg_restore into PostgreSQL $new_major failed (see above)."
    docker exec "$tname" sh -c 'exec vacuumdb -q --analyze-only -U "$POSTGRES_USER" -d "$POSTGRES_DB"' >&2 || true
    after=$(printf '%s\n' "$census_sql" | docker exec -i "$tname" sh -c 'exec psql -X -q -v ON_ERROR_STOP=1 -tA -U "$POSTGRES_USER" -d "$POSTGRES_DB"') \
        || fail "could not count the rows in PostgreSQL $new_major."
    if [ "$before" != "$after" ]; then
        printf '%s\n' "$before" >"$here/.upgrade-before.txt"
        printf '%s\n' "$after" >"$here/.upgrade-after.txt"
        fail "the restored database differs from the old one (row counts or migrations; diff $here/.upgrade-before.txt $here/.upgrade-after.txt)."
    fi
    tables=$(printf '%s\n' "$before" | grep -vc '^migrations ' || true)
    say "verified: $tables tables with the same row counts, the same migrations."
    if ! docker stop -t 60 "$tname" >/dev/null || ! docker rm "$tname" >/dev/null; then
        fail "could not stop the new server cleanly."
    fi

    # The switch: the old data is copied aside, the new data takes its place.
    compose "$um" stop db >&2
    docker volume create --label "com.docker.compose.project=$project" --label "org.postdodjango.upgrade-of=$vol" "$keep" >/dev/null \
        || fail "could not create $keep."
    copy() { docker run --rm --network none -v "$1:/from:ro" -v "$2:/to" --entrypoint sh "$new" -c 'find /to -mindepth 1 -delete && cp -a /from/. /to/'; }
    if ! copy "$vol" "$keep"; then
        docker volume rm "$keep" >/dev/null 2>&1 || true
        restarts_before "$project"; compose "$um" start db >&2 || true
        fail "could not copy the old data aside (disk full?)."
    fi
    if ! copy "$side" "$vol"; then
        copy "$keep" "$vol" || die "the switch failed and putting the old data back failed too: it is safe in $keep; copy it into $vol by hand (or ask for help) before starting $um."
        docker volume rm "$keep" >/dev/null 2>&1 || true
        restarts_before "$project"; compose "$um" start db >&2 || true
        fail "could not copy the new data into $vol (disk full?); the old data was put back."
    fi
    docker volume rm "$side" >/dev/null
    set_dotenv POSTGRES_IMAGE "$new" || say "warning: could not write POSTGRES_IMAGE=$new into $here/.env (disk full?); set it yourself before the next start."
    # shellcheck disable=SC2031 # the caller's environment, untouched by the subshell above
    if [ -n "${POSTGRES_IMAGE:-}" ] && [ "$POSTGRES_IMAGE" != "$new" ]; then
        say "warning: POSTGRES_IMAGE is set in your environment ($POSTGRES_IMAGE) and wins over .env; set it to $new there too."
    fi
    POSTGRES_IMAGE=$new
    export POSTGRES_IMAGE
    restarts_before "$project"
    compose "$um" up -d db >&2
    wait_healthy "$project" db
    if [ -n "$web_running" ]; then
        compose "$um" start web >&2
        wait_healthy "$project" web
    fi
    for other in dev prod; do
        [ "$other" != "$um" ] || continue
        old=$(volume_pg_major "$STACK_NAME-${other}_pgdata" "$new")
        [ -z "$old" ] || [ "$old" = "$new_major" ] \
            || say "note: $other's database is still PostgreSQL $old and POSTGRES_IMAGE now names $new_major; run sh run -8 upgrade-postgres $new $other before starting $other (set POSTGRES_IMAGE back to the old image for that run)."
    done
    say "upgraded $project to PostgreSQL $new_major ($new, now POSTGRES_IMAGE in .env). The PostgreSQL $old_major data is kept in the volume $keep: remove it (docker volume rm $keep) once you are sure; the backup taken first is $dump."
}

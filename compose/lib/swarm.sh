# shellcheck shell=sh disable=SC2154 # here, STACK_NAME, web_ref and the flags are run's
# prod on Docker Swarm (sh run -9), sourced by compose/run: it relies on run's
# say/die, setting, dotenv_keys and push_web.
#
#   -9 deploy        the stack <STACK_NAME>-swarm from docker-compose.swarm.yml,
#                    then waits until every service has its replicas running and healthy
#   -9 scale N       N web replicas, then waits the same way
#   -9 status        services (running/desired), and each task's node, state and error
#   -9 remove [--secrets] [--volumes]
#                    the stack; secrets and volumes are kept unless asked (volumes hold
#                    the database: typed confirmation, or --yes-remove-data=STACK_NAME)

swarm_stack() { printf '%s-swarm' "$STACK_NAME"; }

# The engine must be a manager of an active swarm: only managers deploy.
swarm_manager() {
    st=$(docker info -f '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}' 2>/dev/null) || st="unknown false"
    case $st in
        "active true") ;;
        "active false") die "this engine is a Swarm worker, not a manager; run sh run -9 on a manager node (docker node ls there lists them)." ;;
        *) die "this engine is not in a swarm (state: ${st% *}). For one node: docker swarm init --advertise-addr <this machine's address>; to join a swarm: docker swarm join (README.md, \"Docker Swarm\")." ;;
    esac
}

# swarm_env: .env's settings exported for `docker stack deploy`, which, unlike
# Compose, reads no .env. The secrets stay out: they go in as Docker secrets.
swarm_env() {
    for k in $dotenv_keys; do
        case $k in
            POSTGRES_PASSWORD|DJANGO_SECRET_KEY|PGADMIN_DEFAULT_PASSWORD|DJANGO_SUPERUSER_PASSWORD) continue ;;
        esac
        # shellcheck disable=SC2034 # val is read by the eval
        val=$(setting "$k" "")
        eval "$k=\$val"
        # shellcheck disable=SC2163 # k names the variable
        export "$k"
    done
    export STACK_NAME
    # nginx/'s contents name its configs (Swarm configs cannot change).
    NGINX_CONFIG_VERSION=$(cd "$here/nginx" && cat entrypoint.sh ./*.conf.in | cksum | cut -d' ' -f1)
    export NGINX_CONFIG_VERSION
}

# swarm_secret NAME KEY: the Docker secret <stack>_NAME from KEY in .env, made
# when missing (on stdin: never on a command line). A label keeps the value's
# SHA-256, so a secret made from another .env is noticed.
swarm_secret() {
    sname="$(swarm_stack)_$1"
    value=$(setting "$2" "")
    [ -n "$value" ] || die "$2 is not set in $here/.env; Swarm needs it for the secret $sname."
    sum=$(printf '%s' "$value" | sha256sum | cut -d' ' -f1)
    if have=$(docker secret inspect -f '{{index .Spec.Labels "org.postdodjango.sha256"}}' "$sname" 2>/dev/null); then
        [ "$have" = "$sum" ] || say "warning: the secret $sname was not made from $2 in .env (it is kept, and the database keeps its password). To replace it: sh run -9 remove --secrets, then deploy."
        return 0
    fi
    printf '%s' "$value" | docker secret create --label "org.postdodjango.sha256=$sum" \
        --label "org.postdodjango.swarm-stack=$(swarm_stack)" "$sname" - >/dev/null \
        || die "could not create the Docker secret $sname."
    say "created the Docker secret $sname from $2 in .env."
}

# The database's volume is on one node's disk: it runs where the label is.
swarm_db_node() {
    label="postdodjango.db=$STACK_NAME"
    [ -z "$(docker node ls -q --filter "node.label=$label")" ] || return 0
    node=$(docker info -f '{{.Swarm.NodeID}}')
    docker node update --label-add "$label" "$node" >/dev/null || die "could not label this node for the database ($label)."
    say "the database runs on this node ($(docker node inspect -f '{{.Description.Hostname}}' "$node")): labelled it $label. To move it, label another node and move the volume's data."
}

swarm_services() {
    docker service ls -q --filter "label=com.docker.stack.namespace=$(swarm_stack)"
}

# swarm_wait: until every service of the stack has its desired replicas running
# (a task with a healthcheck only runs once healthy) and no update is under way.
# A rolled-back or paused update fails, with the tasks' errors.
swarm_wait() {
    start=$(date +%s)
    while :; do
        pending="" failed=""
        for id in $(swarm_services); do
            info=$(docker service inspect -f '{{.Spec.Name}} {{if .Spec.Mode.Replicated}}{{.Spec.Mode.Replicated.Replicas}}{{else}}-1{{end}} {{if .UpdateStatus}}{{.UpdateStatus.State}} {{.UpdateStatus.StartedAt}}{{else}}none -{{end}}' "$id" 2>/dev/null) || continue
            read -r name desired update started <<EOF2
$info
EOF2
            # Running tasks of the service's current spec: right after a deploy
            # the old tasks still run and the update may not have begun yet.
            # (What a deploy changes: the image, the environment, the command; the
            # service's spec carries defaults its tasks' copies leave out.)
            want=$(docker service inspect -f '{{with .Spec.TaskTemplate}}{{.ForceUpdate}} {{with .ContainerSpec}}{{.Image}} {{json .Env}} {{json .Args}}{{end}}{{end}}' "$id")
            running=0
            for t in $(docker service ps -q --filter desired-state=running "$id" 2>/dev/null); do
                tinfo=$(docker inspect -f '{{.Status.State}} {{with .Spec}}{{.ForceUpdate}} {{with .ContainerSpec}}{{.Image}} {{json .Env}} {{json .Args}}{{end}}{{end}}' "$t" 2>/dev/null) || continue
                [ "$tinfo" != "running $want" ] || running=$((running + 1))
            done
            # A failed update from before this command is history, not this one's.
            case "$swarm_before" in *"$id $started"*) [ "$update" = updating ] || update=old ;; esac
            case $update in
                rollback_completed|rollback_paused|paused)
                    failed="$failed $name"
                    msg=$(docker service inspect -f '{{.UpdateStatus.Message}}' "$id")
                    say "$name: the update did not take ($update): $msg" ;;
                updating|rollback_started) pending="$pending $name($update)" ;;
            esac
            if [ "$desired" -ge 0 ] && [ "$running" -ne "$desired" ]; then pending="$pending $name($running/$desired)"; fi
        done
        if [ -n "$failed" ]; then
            swarm_task_errors >&2
            die "the update of$failed was rolled back or paused (above); the services run the previous image."
        fi
        [ -z "$pending" ] && return 0
        if [ $(($(date +%s) - start)) -ge "$WAIT_TIMEOUT" ]; then
            swarm_task_errors >&2
            die "not converged after $WAIT_TIMEOUT s (WAIT_TIMEOUT):$pending; the tasks' states are above."
        fi
        sleep 1
    done
}

# swarm_mark: each service's last update as it is before this command changes anything.
swarm_mark() {
    swarm_before=""
    for id in $(swarm_services); do
        swarm_before="$swarm_before $id $(docker service inspect -f '{{if .UpdateStatus}}{{.UpdateStatus.StartedAt}}{{else}}-{{end}}' "$id")"
    done
}

swarm_task_errors() {
    for id in $(swarm_services); do
        docker service ps --no-trunc --format '{{.Name}} on {{.Node}}: {{.CurrentState}} {{.Error}}' "$id" 2>/dev/null | head -n 8
    done
}

swarm_deploy() {
    swarm_manager
    [ -f "$here/docker-compose.swarm.yml" ] || die "$here/docker-compose.swarm.yml is missing; restore it from the repository."
    [ "$TLS_MODE" = off ] || die "TLS_MODE=$TLS_MODE: the Swarm stack serves plain HTTP for now (TLS at a load balancer in front); set TLS_MODE=off in $here/.env for Swarm."
    swarm_secret postgres_password POSTGRES_PASSWORD
    swarm_secret django_secret_key DJANGO_SECRET_KEY
    swarm_db_node
    # Every node pulls the web image from the registry.
    push_web
    swarm_mark
    t0=$(date +%s)
    deploy_log=$(mktemp)
    # The registry login goes to the nodes (--with-registry-auth). A credential
    # helper that cannot work here (secretservice without a desktop session)
    # fails the deploy; then it goes again without, for a registry that needs
    # no login, and says so.
    if ! swarm_stack_deploy --with-registry-auth 2>"$deploy_log"; then
        if grep -q "error getting credentials" "$deploy_log"; then
            say "warning: the docker credential helper failed ($(grep -m1 'error getting credentials' "$deploy_log" | cut -c1-160)); deploying without registry credentials, so the nodes pull $REGISTRY anonymously."
            swarm_stack_deploy 2>"$deploy_log" || { cat "$deploy_log" >&2; rm -f "$deploy_log"; die "docker stack deploy failed (above)."; }
        else
            cat "$deploy_log" >&2
            rm -f "$deploy_log"
            die "docker stack deploy failed (above)."
        fi
    fi
    grep -v -e "^Since --detach=false" -e "^In a future release, --detach" "$deploy_log" >&2 || true
    rm -f "$deploy_log"
    swarm_wait
    say "$(swarm_stack) is up in $(($(date +%s) - t0)) s: $(swarm_summary)."
}

swarm_stack_deploy() { # [--with-registry-auth]
    (
        swarm_env
        cd "$here" && docker stack deploy "$@" --prune -c docker-compose.swarm.yml "$(swarm_stack)"
    )
}

swarm_summary() {
    docker service ls --filter "label=com.docker.stack.namespace=$(swarm_stack)" --format '{{.Name}} {{.Replicas}}' \
        | sed "s/^$(swarm_stack)_//" | paste -sd, - | sed 's/,/, /g'
}

swarm_scale() {
    swarm_manager
    case $swarm_arg in ''|*[!0-9]*) die "-9 scale takes a number of web replicas, not '$swarm_arg'." ;; esac
    [ "$swarm_arg" -le 100 ] || die "-9 scale $swarm_arg: at most 100 web replicas."
    svc="$(swarm_stack)_web"
    docker service inspect "$svc" >/dev/null 2>&1 || die "$(swarm_stack) is not deployed; deploy it first: sh run -9 deploy."
    swarm_mark
    t0=$(date +%s)
    docker service scale -d "$svc=$swarm_arg" >/dev/null || die "docker service scale failed (above)."
    swarm_wait
    say "web has $swarm_arg replicas in $(($(date +%s) - t0)) s (the next deploy goes back to WEB_REPLICAS=$(setting WEB_REPLICAS 2) of .env)."
}

swarm_status() {
    swarm_manager
    if [ -z "$(swarm_services)" ]; then
        printf '%s: not deployed\n' "$(swarm_stack)"
        return 0
    fi
    printf '%s:\n' "$(swarm_stack)"
    docker service ls --filter "label=com.docker.stack.namespace=$(swarm_stack)" --format '  {{.Name}}  {{.Replicas}}  {{.Image}}'
    docker stack ps --no-trunc --filter desired-state=running --format '  {{.Name}}  {{.Node}}  {{.CurrentState}}  {{.Error}}' "$(swarm_stack)"
}

swarm_remove() {
    swarm_manager
    stack=$(swarm_stack)
    if [ "$swarm_volumes" = 1 ] && [ "$swarm_yes" != "$STACK_NAME" ]; then
        [ -t 0 ] || die "removing $stack's volumes deletes its database; type the stack name at a terminal, or pass --yes-remove-data=$STACK_NAME."
        printf 'This deletes the database of %s for good. Type the stack name (%s) to go on: ' "$stack" "$STACK_NAME" >&2
        read -r answer || answer=""
        [ "$answer" = "$STACK_NAME" ] || die "not removed: the name typed was not $STACK_NAME."
    fi
    # (docker stack rm also removes the stack's configs; the secrets carry
    # a label of their own, so they stay.)
    if [ -n "$(swarm_services)" ] || [ -n "$(docker network ls -q --filter "label=com.docker.stack.namespace=$stack")" ] \
        || [ -n "$(docker config ls -q --filter "label=com.docker.stack.namespace=$stack")" ]; then
        docker stack rm "$stack" >/dev/null || die "docker stack rm failed (above)."
    fi
    # stack rm returns at once; its containers and network go away after.
    start=$(date +%s)
    while [ -n "$(docker ps -aq --filter "label=com.docker.stack.namespace=$stack")" ] \
        || [ -n "$(docker network ls -q --filter "label=com.docker.stack.namespace=$stack")" ]; do
        [ $(($(date +%s) - start)) -lt "$WAIT_TIMEOUT" ] || die "$stack's containers were still there after $WAIT_TIMEOUT s."
        sleep 1
    done
    secrets_word=kept volumes_word=kept
    if [ "$swarm_secrets" = 1 ]; then
        docker secret ls -q --filter "label=org.postdodjango.swarm-stack=$stack" | xargs -r docker secret rm >/dev/null
        secrets_word=removed
    fi
    if [ "$swarm_volumes" = 1 ]; then
        docker volume ls -q --filter "label=com.docker.stack.namespace=$stack" | xargs -r docker volume rm >/dev/null \
            || die "could not remove $stack's volumes (above)."
        volumes_word=removed
    fi
    kept="volumes $volumes_word, secrets $secrets_word"
    say "removed $stack ($kept)."
}

swarm() {
    case $swarm_verb in
        deploy) swarm_deploy ;;
        scale) swarm_scale ;;
        status) swarm_status ;;
        remove) swarm_remove ;;
    esac
}

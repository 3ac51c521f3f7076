#!/bin/sh
# Start-up of the prod edge: renders the *.conf.in files of this folder (mounted
# read-only at /etc/nginx/pdd) into /etc/nginx/pdd.d and conf.d/default.conf for
# the TLS mode compose passes in PDD_TLS_MODE, then runs the command (NGINX in
# the foreground; `nginx -t` in the lint). A value it cannot use stops it with
# one sentence, before NGINX starts.
set -eu
src=/etc/nginx/pdd
out=/etc/nginx/pdd.d
die() { echo "nginx entrypoint: $*" >&2; exit 1; }

mode=${PDD_TLS_MODE:-off}
https_port=${PDD_HTTPS_PORT:-443}
rate=${ADMIN_LOGIN_RATE:-10r/m}
burst=${ADMIN_LOGIN_BURST:-5}
hsts=${SECURE_HSTS_SECONDS:-86400}
# Swarm (docker-compose.swarm.yml) sets PDD_WEB_UPSTREAM=web:8000: replicas come
# and go, so NGINX asks Docker's resolver for the name again every few seconds
# (a variable in proxy_pass) instead of resolving it once at start.
web_upstream=${PDD_WEB_UPSTREAM:-}

case $mode in
    off|self-signed|files|letsencrypt) ;;
    *) die "PDD_TLS_MODE=$mode is none of off, self-signed, files, letsencrypt." ;;
esac
case $https_port in ''|*[!0-9]*) die "PROD_HTTPS_PORT=$https_port is not a port number." ;; esac
case $rate in [1-9]*r/s|[1-9]*r/m) ;; *) die "ADMIN_LOGIN_RATE=$rate is not a rate like 10r/m or 1r/s." ;; esac
case $rate in *[!0-9r/sm]*) die "ADMIN_LOGIN_RATE=$rate is not a rate like 10r/m or 1r/s." ;; esac
case $web_upstream in
    '') ;;
    *[!A-Za-z0-9._-]*:*|*:*[!0-9]*|:*|*:) die "PDD_WEB_UPSTREAM=$web_upstream is not a NAME:PORT like web:8000." ;;
    *:*) ;;
    *) die "PDD_WEB_UPSTREAM=$web_upstream is not a NAME:PORT like web:8000." ;;
esac
case $burst in ''|*[!0-9]*) die "ADMIN_LOGIN_BURST=$burst is not a whole number." ;; esac
case $hsts in ''|*[!0-9]*) die "SECURE_HSTS_SECONDS=$hsts is not a whole number of seconds." ;; esac

# The admin's URL prefix, the way Django's urls.py reads it: no slash at either end.
admin=$(printf '%s' "${DJANGO_ADMIN_PATH:-admin}" | sed -e 's#^/*##' -e 's#/*$##')
case $admin in
    ''|*[!A-Za-z0-9._~/-]*|*//*) die "DJANGO_ADMIN_PATH=${DJANGO_ADMIN_PATH:-} must be a URL path of letters, digits and . _ ~ - / (like manage-7f3a)." ;;
esac

yes() { case $(printf '%s' "${1:-0}" | tr '[:upper:]' '[:lower:]') in 1|true|yes|on) return 0 ;; esac; return 1; }
hsts_header=""
stapling=""
cert=/etc/nginx/tls/fullchain.pem
key=/etc/nginx/tls/privkey.pem
if [ "$mode" != off ]; then
    value="max-age=$hsts"
    if yes "${SECURE_HSTS_INCLUDE_SUBDOMAINS:-0}"; then value="$value; includeSubDomains"; fi
    if yes "${SECURE_HSTS_PRELOAD:-0}"; then value="$value; preload"; fi
    [ "$hsts" = 0 ] || hsts_header="add_header Strict-Transport-Security \"$value\" always;"
    if [ "$mode" = letsencrypt ]; then
        cert=/etc/letsencrypt/live/pdd/fullchain.pem
        key=/etc/letsencrypt/live/pdd/privkey.pem
    fi
    # OCSP stapling where a certificate authority may offer it; a self-signed
    # certificate has no responder, so NGINX would only warn.
    if [ "$mode" != self-signed ]; then
        stapling="ssl_stapling on; ssl_stapling_verify on; resolver 127.0.0.11 valid=300s; resolver_timeout 5s;"
    fi
    [ -s "$cert" ] || die "no certificate at $cert (TLS_MODE=$mode); compose/run prepares it: start prod with sh run -0."
    [ -s "$key" ] || die "no private key at $key (TLS_MODE=$mode); compose/run prepares it: start prod with sh run -0."
fi
suffix=""
[ "$https_port" = 443 ] || suffix=":$https_port"

# HTTP/2: `http2 on;` from NGINX 1.25.1 on (the listen flag is deprecated
# there), the listen flag before (Debian bookworm has 1.22).
version=$(nginx -v 2>&1 | sed -n 's#.*nginx/\([0-9][0-9.]*\).*#\1#p')
listen_http2=" http2"
http2_directive=""
if printf '%s\n' "1.25.1" "${version:-0}" | sort -t. -k1,1n -k2,2n -k3,3n -C 2>/dev/null; then
    listen_http2=""
    http2_directive="http2 on;"
fi

if [ -z "$web_upstream" ]; then
    upstream_block="upstream django { server web:8000; keepalive 16; }"
    proxy_pass="proxy_pass http://django;"
else
    upstream_block="resolver 127.0.0.11 valid=5s ipv6=off; resolver_timeout 2s;"
    # A task that is gone refuses or is unreachable: the next address, quickly.
    proxy_pass="set \$pdd_web $web_upstream; proxy_pass http://\$pdd_web; proxy_connect_timeout 2s; proxy_next_upstream error timeout http_502 http_503; proxy_next_upstream_tries 4;"
fi

render() { # FILE.in OUTPUT
    sed -e "s|@ADMIN_LOGIN_RATE@|$rate|g" \
        -e "s|@ADMIN_LOGIN_BURST@|$burst|g" \
        -e "s|@ADMIN_LOGIN_PATH@|/$admin/login/|g" \
        -e "s|@HSTS_HEADER@|$hsts_header|g" \
        -e "s|@HTTPS_PORT_SUFFIX@|$suffix|g" \
        -e "s|@LISTEN_HTTP2@|$listen_http2|g" \
        -e "s|@HTTP2_DIRECTIVE@|$http2_directive|g" \
        -e "s|@TLS_CERT@|$cert|g" \
        -e "s|@TLS_KEY@|$key|g" \
        -e "s|@OCSP_STAPLING@|$stapling|g" \
        -e "s|@WEB_UPSTREAM@|$upstream_block|g" \
        -e "s|@PROXY_PASS@|$proxy_pass|g" \
        "$1" >"$2.tmp"
    if grep -n '@[A-Z0-9_]*@' "$2.tmp" >&2; then die "$1 has a placeholder this script does not fill (above)."; fi
    mv "$2.tmp" "$2"
}
mkdir -p "$out"
for f in http headers app proxy; do render "$src/$f.conf.in" "$out/$f.conf"; done
site=tls
[ "$mode" = off ] && site=off
render "$src/site-$site.conf.in" /etc/nginx/conf.d/default.conf

# Let's Encrypt renews in the certbot container; NGINX picks the new
# certificate up on a reload, every 6 hours.
if [ "$mode" = letsencrypt ] && [ "${1:-}" = nginx ] && [ "${2:-}" != -t ]; then
    (while sleep 21600; do nginx -s reload; done) &
fi
exec "$@"

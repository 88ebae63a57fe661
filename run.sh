#!/usr/bin/env bash
# Sésame's embedded run: builds everything, then starts
#   - the demo directory (LDAP)        ldap://127.0.0.1:10389
#   - the mail catcher (SMTP / IMAP)   127.0.0.1:3025 / 127.0.0.1:3143 (with TLS: 3465 / 3993)
#   - Open Liberty with Sésame         https://localhost:9443/  (http://localhost:9080/ redirects)
# Ctrl-C stops all three. Data stays between runs (directory changes, H2 database) under
# liberty/target/liberty/wlp/usr/servers/sesame/; "mvn clean" starts again from the demo seed.
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q install -DskipTests
# Creates (or refreshes) the server "sesame" and puts the freshly built EAR in it.
mvn -B -q -pl liberty liberty:create liberty:deploy

server_dir=liberty/target/liberty/wlp/usr/servers/sesame
dev_log=liberty/target/dev-services.log
java -cp "liberty/target/classes:liberty/target/dev-lib/*" \
     -Dsesame.dev.directory-state="$server_dir/embedded/directory.ldif" \
     fr.sesame.dev.DevServices > "$dev_log" 2>&1 &
dev_services=$!
trap 'kill "$dev_services" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
    grep -q "dev services ready" "$dev_log" 2>/dev/null && break
    if ! kill -0 "$dev_services" 2>/dev/null; then
        cat "$dev_log" >&2
        echo "The embedded directory and mail server did not start (ports 10389, 3025, 3143, 3465, 3993 taken?)." >&2
        exit 1
    fi
    sleep 0.5
done
grep "dev services ready" "$dev_log"

cat <<'BANNER'

  Sésame is starting on https://localhost:9443/ (self-signed certificate: accept it once).
  Demo logins (password Sesame-Demo-2026!): cmartin, referent1, hotline1, expert1, rssi1, admin1.
  Mail sent by Sésame: IMAP 127.0.0.1:3143, log in with the recipient's address and any password.
  The devices page (/appareils) points at the mail catcher's TLS ports 3993 / 3465.

BANNER
# The devices page and its connection test point at the mail catcher's TLS ports (self-signed
# certificate, trusted for 127.0.0.1 only); production keeps the académie's servers (sesame.xml).
export SESAME_DEVICE_IMAP_HOST="${SESAME_DEVICE_IMAP_HOST:-127.0.0.1}" SESAME_DEVICE_IMAP_PORT="${SESAME_DEVICE_IMAP_PORT:-3993}"
export SESAME_DEVICE_SMTP_HOST="${SESAME_DEVICE_SMTP_HOST:-127.0.0.1}" SESAME_DEVICE_SMTP_PORT="${SESAME_DEVICE_SMTP_PORT:-3465}"
export SESAME_DEVICE_CHECK_TRUSTED_HOSTS="${SESAME_DEVICE_CHECK_TRUSTED_HOSTS:-127.0.0.1}"
liberty/target/liberty/wlp/bin/server run sesame

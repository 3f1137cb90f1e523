# Shared by the conformance scripts (sourced, not run): a fresh Televent server with three
# accounts and their device passwords, and the cleanup that always stops it.
# The caller defines: log, ROOT, RESULTS, TMP, TELEVENT_BIN, VENV, HEALTH_WAIT, SERVER_PID="".
# After `start_televent DB_FILE DEVICE_NAME`: PASS1, PASS2, PASS3 (users 1001, 1002, 1003), PORT,
# BASE, SERVER_PID.  1001 is the organizer of the RFC 6638 scheduling tests, 1002 and 1003 are
# attendees (caldav-server-tester uses 1002 only; the python caldav suite has all three as
# scheduling_users).

cleanup() {
    local status=$?
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        log "stopping televent serve (pid $SERVER_PID)"
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.2
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            log "server did not stop on TERM; sending KILL"
            kill -KILL "$SERVER_PID" 2>/dev/null || true
        fi
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ "${KEEP_TMP:-0}" == 1 ]]; then
        log "kept $TMP"
    else
        rm -rf "$TMP"
    fi
    # The results are committed: keep this machine's paths out of them.
    if [[ -d "$RESULTS" ]]; then
        find "$RESULTS" -type f -exec sed -i -e "s#$ROOT/#./#g" -e "s#$ROOT#.#g" \
            -e "s#${TMPDIR:-/tmp}/televent-[A-Za-z0-9._-]*#<tmp>#g" {} +
    fi
    exit "$status"
}

start_televent() {
    # Run every televent command from the temporary directory, so that no .env file of the
    # working tree (bot token, mail settings, another database) leaks into the run.
    export TELEVENT_DATABASE_URL="sqlite:///$TMP/$1"
    # The checker sends hundreds of requests in seconds: a conformance run, not abuse.
    export TELEVENT_RATE_LIMITS=off
    unset TELEGRAM_BOT_TOKEN TELEVENT_SMTP_URL TELEVENT_INBOUND_SECRET || true
    televent() { (cd "$TMP" && "$TELEVENT_BIN" "$@"); }

    json_field() { "$VENV/bin/python" -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

    log "creating accounts in $TELEVENT_DATABASE_URL"
    televent account create --telegram-id 1001 --name Tester --email tester@example.com --json >/dev/null
    televent account create --telegram-id 1002 --name Attendee --email attendee@example.com --json >/dev/null
    televent account create --telegram-id 1003 --name 'Second Attendee' --email attendee2@example.com --json >/dev/null
    PASS1="$(televent device add --telegram-id 1001 --name "$2" --json | json_field password)"
    PASS2="$(televent device add --telegram-id 1002 --name "$2" --json | json_field password)"
    PASS3="$(televent device add --telegram-id 1003 --name "$2" --json | json_field password)"

    PORT="$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
    BASE="http://127.0.0.1:$PORT"
    log "starting televent serve on $BASE"
    (cd "$TMP" && exec "$TELEVENT_BIN" serve --host 127.0.0.1 --port "$PORT") >"$TMP/server.log" 2>&1 &
    SERVER_PID=$!

    deadline=$((SECONDS + HEALTH_WAIT))
    until "$VENV/bin/python" - "$BASE/health" <<'EOF' 2>/dev/null
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
    sys.exit(0 if r.status == 200 else 1)
EOF
    do
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            log "televent serve exited early; its log:"
            cat "$TMP/server.log" >&2
            exit 1
        fi
        if ((SECONDS >= deadline)); then
            log "no healthy answer from $BASE/health within ${HEALTH_WAIT}s; server log:"
            cat "$TMP/server.log" >&2
            exit 1
        fi
        sleep 0.5
    done
    log "server is healthy"
}

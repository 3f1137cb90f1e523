#!/usr/bin/env bash
# Conformance run: the public CalDAV checker `caldav-server-tester` against a fresh Televent.
#
#   bash conformance/run.sh            (from the repository root; `make check-caldav` runs this)
#
# What it does:
#   1. creates conformance/.venv (once) with caldav-server-tester==$TESTER_VERSION;
#   2. makes a temporary directory holding a fresh SQLite database, three accounts
#      (Telegram ids 1001, 1002 and 1003; 1002 is the attendee for the tester's
#      multi-user scheduling checks, which use only the first extra account - 1003 is
#      made by the shared conformance/server.sh for the python caldav suite) and a
#      device password for each;
#   3. starts `televent serve` on a free 127.0.0.1 port and waits for /health (at most 30 s);
#   4. runs the tester (bounded by a timeout) and writes its full output to
#      conformance/results/caldav-server-tester.txt (and run facts to run-info.txt);
#   5. always stops the server and removes the temporary directory (trap).
#
# Environment knobs:
#   TELEVENT_BIN       the televent CLI (default: .venv/bin/televent in the repository root)
#   PYTHON             the interpreter the tester's virtualenv is made from (default: python3)
#   TESTER_TIMEOUT     seconds the tester may run (default: 420)
#   TESTER_ARGS        extra arguments for the tester, e.g. "--run-checks CheckSearch"
#   TRACE=<file>       write every HTTP request and answer of the tester to <file> (conformance/trace.py)
#   RESULTS_DIR=<dir>  where the results go (default: conformance/results); use it for partial runs
#   RUN_NOTE=<text>    a line added to run-info.txt (e.g. which source tree TELEVENT_BIN runs)
#   KEEP_TMP=1         keep the temporary directory (database, server log, tester config)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/conformance"
VENV="$HERE/.venv"
RESULTS="${RESULTS_DIR:-$HERE/results}"
TESTER_VERSION="1.7.0"
# caldav-server-tester 1.7.0 grades save-load.event.timezone by reading the event back
# through caldav's `vobject_instance`, which is None when vobject is not installed - and
# vobject is not one of its dependencies.  Without it that feature is graded "broken" for
# every server, so it is installed beside the tester.
VOBJECT_VERSION="0.9.9"
TESTER_TIMEOUT="${TESTER_TIMEOUT:-420}"
HEALTH_WAIT=30
PYTHON="${PYTHON:-python3}"

TELEVENT_BIN="${TELEVENT_BIN:-.venv/bin/televent}"
case "$TELEVENT_BIN" in
    /*) ;;
    *) TELEVENT_BIN="$ROOT/$TELEVENT_BIN" ;;
esac
if [[ ! -x "$TELEVENT_BIN" ]]; then
    echo "run.sh: televent CLI not found at $TELEVENT_BIN (run 'make install' or set TELEVENT_BIN)" >&2
    exit 2
fi

log() { printf '[conformance] %s\n' "$*" >&2; }

# --- 1. the tester's own virtualenv -------------------------------------------------------
installed_version() {
    "$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("caldav-server-tester"), m.version("vobject"))' 2>/dev/null || true
}
if [[ ! -x "$VENV/bin/python" ]]; then
    log "creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi
if [[ "$(installed_version)" != "$TESTER_VERSION $VOBJECT_VERSION" ]]; then
    log "installing caldav-server-tester==$TESTER_VERSION vobject==$VOBJECT_VERSION"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        "caldav-server-tester==$TESTER_VERSION" "vobject==$VOBJECT_VERSION"
fi
if [[ -n "${TRACE:-}" ]]; then
    # Same tester, same arguments, with every HTTP exchange appended to $TRACE.
    case "$TRACE" in /*) ;; *) TRACE="$PWD/$TRACE" ;; esac
    : >"$TRACE"
    export CONFORMANCE_TRACE_FILE="$TRACE"
    TESTER=("$VENV/bin/python" "$HERE/trace.py")
else
    TESTER=("$VENV/bin/caldav-server-tester")
fi

# --- 2. a fresh database, three accounts, three device passwords --------------------------
TMP="$(mktemp -d "${TMPDIR:-/tmp}/televent-conformance.XXXXXX")"
SERVER_PID=""

# shellcheck source=conformance/server.sh
source "$HERE/server.sh"
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_televent conformance.db conformance

# --- 4. the tester ------------------------------------------------------------------------
# The primary account is given on the command line; the attendee account is a section of a
# caldav/calendaring-config file (JSON or YAML; keys url/username/password) named with
# --config-section, which the tester opens as an extra client for its multi-user checks.
# Whatever CALDAV_* / CALENDARING_* configuration the caller's environment has is ignored.
for var in $(compgen -e); do
    case "$var" in CALDAV_* | CALENDARING_* | PYTHON_CALDAV_*) unset "$var" ;; esac
done
CONFIG="$TMP/caldav-config.json"
(
    umask 077
    cat >"$CONFIG" <<EOF
{
  "attendee": {"url": "$BASE/", "username": "1002", "password": "$PASS2"}
}
EOF
)
export CALDAV_CONFIG_FILE="$CONFIG"

mkdir -p "$RESULTS"
OUT="$RESULTS/caldav-server-tester.txt"
# shellcheck disable=SC2206  # TESTER_ARGS is meant to be split into words
extra_args=(${TESTER_ARGS:-})
log "running caldav-server-tester $TESTER_VERSION (timeout ${TESTER_TIMEOUT}s) -> ${OUT#"$ROOT"/}"
started=$SECONDS
set +e
(cd "$TMP" && timeout --kill-after=10 "$TESTER_TIMEOUT" "${TESTER[@]}" \
    --caldav-url "$BASE/" \
    --caldav-username 1001 \
    --caldav-password "$PASS1" \
    --config-section attendee \
    --verbose \
    --format text \
    "${extra_args[@]}") >"$OUT" 2>&1
tester_status=$?
set -e
elapsed=$((SECONDS - started))

# Never keep the generated passwords in the results (the tester does not print them, but be
# sure), and write the random port as PORT so that two runs can be compared with diff.
scrub=(-e "s/$PASS1/<password>/g" -e "s/$PASS2/<password>/g" -e "s/$PASS3/<password>/g"
    -e "s/127\.0\.0\.1:$PORT/127.0.0.1:PORT/g")
sed -i "${scrub[@]}" "$OUT"
sed "${scrub[@]}" "$TMP/server.log" >"$RESULTS/televent-serve.log"

# A level of "?" marks an observation (a value, not a support level), so it is not counted.
full=$(grep -c '^Feature support level found: full$' "$OUT" || true)
total=$(grep '^Feature support level found:' "$OUT" | grep -vc ': ?$' || true)
{
    echo "date:                 $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "caldav-server-tester: $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("caldav-server-tester"))')"
    echo "caldav (library):     $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("caldav"))')"
    echo "televent:             $("$TELEVENT_BIN" --version 2>&1 | head -n1) ($TELEVENT_BIN)"
    echo "commit:               $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (working tree modified)')"
    if [[ -n "${RUN_NOTE:-}" ]]; then echo "note:                 $RUN_NOTE"; fi
    echo "tester arguments:     ${TESTER_ARGS:-(none)}"
    echo "tester exit status:   $tester_status"
    echo "tester run time:      ${elapsed}s"
    echo "features graded:      $total (observations, shown as '?', not counted)"
    echo "  full:               $full"
    echo "  by level:"
    grep '^Feature support level found:' "$OUT" | sed 's/^Feature support level found: //' | sort | uniq -c | sort -rn |
        sed 's/^/    /' || true
} >"$RESULTS/run-info.txt"
cat "$RESULTS/run-info.txt" >&2

if ((tester_status == 124 || tester_status == 137)); then
    log "caldav-server-tester timed out after ${TESTER_TIMEOUT}s; partial output is in ${OUT#"$ROOT"/}"
elif ((tester_status != 0)); then
    log "caldav-server-tester exited with status $tester_status; see ${OUT#"$ROOT"/}"
fi
exit "$tester_status"

#!/usr/bin/env bash
# Checks the deployment files without a container engine or a running systemd (none can run on
# CI's machines): hadolint on the Dockerfile, `docker compose config` on compose.yaml (the
# Compose v1 program where the v2 plugin is missing), and `systemd-analyze verify` on the unit,
# in a scratch root where the program is installed where the unit expects it.
# Usage: deploy/check.sh [the folder holding Dockerfile, compose.yaml and deploy/]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
top="$(cd "${1:-$here}" && pwd)"
bin="${BIN:-$here/.venv/bin}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "hadolint Dockerfile"
"$bin/hadolint" --failure-threshold info "$top/Dockerfile"

echo "docker compose config compose.yaml"
mkdir -p "$work/compose/secrets"
cp "$top/compose.yaml" "$work/compose/"
touch "$work/compose/secrets/"{database_url,postgres_password,telegram_bot_token}
if docker compose version >/dev/null 2>&1; then
    (cd "$work/compose" && docker compose -f compose.yaml config -q)
else
    (cd "$work/compose" && docker-compose -f compose.yaml config -q)
fi

echo "systemd-analyze verify deploy/systemd/televent.service"
root="$work/root"
mkdir -p "$root/opt/televent/bin" "$root/etc/systemd/system" "$root/usr/lib/systemd"
cp -r /usr/lib/systemd/system "$root/usr/lib/systemd/"  # the units it names
install -m 0755 "$bin/televent" "$root/opt/televent/bin/televent"
cp "$top/deploy/systemd/televent.service" "$root/etc/systemd/system/"
said="$(cd "$work" && systemd-analyze verify --root="$root" televent.service 2>&1)" || {
    echo "$said"
    exit 1
}
if [[ -n "$said" ]]; then  # a warning (an unknown setting, a typo) fails the check too
    echo "$said"
    exit 1
fi
echo "deployment files: ok"

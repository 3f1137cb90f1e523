#!/usr/bin/env bash
# Installs what deploy/check.sh needs beyond the project's own tools (hadolint comes with
# `make install`): Debian's docker-compose (Compose v1, which checks a compose file without a
# daemon) when no Compose is there, and systemd's systemd-analyze when missing.
set -euo pipefail
wanted=()
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; then
    wanted+=(docker-compose)
fi
command -v systemd-analyze >/dev/null || wanted+=(systemd)
if ((${#wanted[@]})); then
    bash "$(dirname "$0")/../scripts/debian-install.sh" "${wanted[@]}"
fi

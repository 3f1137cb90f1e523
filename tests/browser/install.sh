#!/usr/bin/env bash
# Installs Debian's chromium, the browser the Mini App tests drive with Playwright for Python
# (never Playwright's own download). Already installed: nothing to do.
set -euo pipefail
bash "$(dirname "$0")/../../scripts/debian-install.sh" chromium

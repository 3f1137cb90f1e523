#!/usr/bin/env bash
# Installs the real CalDAV clients that tests/clients drives: Thunderbird and GNOME's
# evolution-data-server from Debian's packages, and the Marionette client from PyPI into .venv.
# Packages already present are not installed again (a second run takes a second).
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/debian-install.sh \
    thunderbird \
    evolution-data-server gir1.2-edataserver-1.2 gir1.2-ecal-2.0 gir1.2-ical-3.0 \
    python3-gi dbus dbus-x11 gnome-keyring
.venv/bin/python -m pip install --quiet -r tests/clients/requirements.txt

#!/usr/bin/env bash
# Installs the real CalDAV clients that tests/clients drives: Thunderbird and GNOME's
# evolution-data-server from Debian's packages, and the Marionette client from PyPI into .venv.
# Packages already present are not installed again (a second run takes a second).
set -euo pipefail
cd "$(dirname "$0")/../.."

PACKAGES=(
    thunderbird
    evolution-data-server gir1.2-edataserver-1.2 gir1.2-ecal-2.0 gir1.2-ical-3.0
    python3-gi dbus dbus-x11 gnome-keyring
)
missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if ((${#missing[@]})); then
    sudo=""
    if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
    echo "installing from Debian: ${missing[*]}"
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
        --no-install-recommends "${missing[@]}"
fi
.venv/bin/python -m pip install --quiet -r tests/clients/requirements.txt

#!/bin/sh
# Create benchmarks/peers/.venv with the peer CalDAV servers pinned in requirements.txt.
# `python -m benchmarks.caldav` runs the same steps itself when the virtualenv is missing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
if [ ! -x "$here/.venv/bin/python" ]; then
    "$python" -m venv "$here/.venv"
fi
"$here/.venv/bin/python" -m pip install --quiet --upgrade pip
"$here/.venv/bin/python" -m pip install --quiet -r "$here/requirements.txt"
"$here/.venv/bin/python" -m pip freeze > "$here/.venv/freeze.txt"

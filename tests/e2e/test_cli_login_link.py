"""`televent login-link`, opened against a running `televent serve`: it logs in once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

from tests.conftest import Backend
from tests.e2e.conftest import ROOT, SERVER_SETTINGS, running_serve, seed_accounts
from tests.e2e.test_bot_webapp_e2e import session_cookie


def test_the_printed_link_logs_its_user_in_once(backend: Backend, tmp_path: Path) -> None:
    database_url = backend.migrated_url()
    seed_accounts(database_url)
    with running_serve(database_url, tmp_path, SERVER_SETTINGS) as (url, _):
        printed = subprocess.run(
            [sys.executable, "-m", "televent", "login-link", "2"],
            env={
                **os.environ,
                "TELEVENT_DATABASE_URL": database_url,
                "TELEVENT_PUBLIC_URL": url,
                "PYTHONPATH": str(ROOT / "src"),
            },
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert printed.returncode == 0, printed.stderr
        link = printed.stdout.strip()
        assert link.startswith(f"{url}/app/login?token=")
        with httpx.Client(follow_redirects=False, timeout=10) as browser:
            opened = browser.get(link)
            assert opened.status_code == 303, opened.text
            assert opened.headers["location"].endswith("/app/")
            cookie = session_cookie(opened)
            assert cookie is not None
            me = browser.get(f"{url}/api/v1/me", headers={"Cookie": cookie})
            assert me.status_code == 200, me.text
            assert (me.json()["telegram_id"], me.json()["name"]) == (2, "Bob")
        with httpx.Client(follow_redirects=False, timeout=10) as other:
            again = other.get(link)
            assert again.status_code == 410 and "no longer works" in again.text
            assert session_cookie(again) is None
            assert other.get(f"{url}/api/v1/me").status_code == 401

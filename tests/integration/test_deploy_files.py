"""The container and service files: Dockerfile, compose.yaml and the systemd unit pass their
linters (deploy/check.sh: hadolint, `docker compose config`, `systemd-analyze verify`; no
container engine can run here), a mistake in any of them fails the check, and they say what
docs/operations.md promises (a non-root multi-stage image serving with a health check, secrets
as files named by the settings Televent reads, a hardened unit)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from televent.config import SECRET_SETTINGS

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "deploy" / "check.sh"


def _compose() -> bool:
    if shutil.which("docker-compose"):
        return True
    docker = shutil.which("docker")
    return (
        bool(docker)
        and subprocess.run(
            [str(docker), "compose", "version"], capture_output=True, check=False
        ).returncode
        == 0
    )


TOOLS = {
    "hadolint": bool((ROOT / ".venv" / "bin" / "hadolint").exists() or shutil.which("hadolint")),
    "docker compose or docker-compose": _compose(),
    "systemd-analyze": bool(shutil.which("systemd-analyze")),
}
MISSING = [name for name, found in TOOLS.items() if not found]
needs_checkers = pytest.mark.skipif(
    bool(MISSING) and not os.environ.get("TELEVENT_REQUIRE_DEPLOY_CHECKS"),
    reason=f"missing {', '.join(MISSING)} (make check-deploy installs them)",
)


def _check(top: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(CHECK), str(top)], capture_output=True, text=True, timeout=300, check=False
    )


def _copy(tmp_path: Path) -> Path:
    top = tmp_path / "repo"
    (top / "deploy" / "systemd").mkdir(parents=True)
    for name in ("Dockerfile", "compose.yaml", "deploy/systemd/televent.service"):
        shutil.copy(ROOT / name, top / name)
    return top


@needs_checkers
def test_the_deployment_files_pass_their_checks() -> None:
    done = _check(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "deployment files: ok" in done.stdout


@needs_checkers
@pytest.mark.parametrize(
    ("name", "right", "wrong"),
    [
        ("Dockerfile", "USER 10001:10001", "USER televent"),
        ("compose.yaml", "    depends_on:", "    depend_on:"),
        ("deploy/systemd/televent.service", "ProtectSystem=strict", "ProtectSystm=strict"),
    ],
    ids=["dockerfile", "compose", "unit"],
)
def test_a_mistake_in_any_file_fails_the_check(
    tmp_path: Path, name: str, right: str, wrong: str
) -> None:
    top = _copy(tmp_path)
    text = (top / name).read_text()
    assert right in text
    (top / name).write_text(text.replace(right, wrong, 1))
    done = _check(top)
    assert done.returncode != 0, f"{name} with {wrong!r} passed"


def test_the_image_is_multi_stage_non_root_and_checks_its_health() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert len(re.findall(r"^FROM ", text, re.MULTILINE)) >= 2
    user = re.findall(r"^USER (\S+)", text, re.MULTILINE)[-1]
    assert not user.startswith(("0", "root")), user
    assert re.search(r"^HEALTHCHECK .*\n?.*127\.0\.0\.1:8080/health", text, re.MULTILINE)
    assert 'ENTRYPOINT ["televent"]' in text and 'CMD ["serve"' in text
    runtime = text.split(" AS runtime", 1)[1]
    assert "pip install" not in runtime and "apt-get" not in runtime, "nothing built at run time"


def test_secrets_are_files_named_by_the_settings_televent_reads() -> None:
    named = set()
    for name in ("compose.yaml", "deploy/systemd/televent.service"):
        named |= set(re.findall(r"\b([A-Z][A-Z0-9_]*)_FILE\b", (ROOT / name).read_text()))
    named.discard("POSTGRES_PASSWORD")  # PostgreSQL's image's own convention
    assert named, "no secret is given as a file"
    assert named <= set(SECRET_SETTINGS), named - set(SECRET_SETTINGS)
    compose = (ROOT / "compose.yaml").read_text()
    for secret in ("TELEVENT_DATABASE_URL", "TELEGRAM_BOT_TOKEN"):
        assert f"{secret}: " not in compose, f"{secret} in the environment, not as a file"


def test_the_unit_is_hardened() -> None:
    text = (ROOT / "deploy" / "systemd" / "televent.service").read_text()
    for line in ("DynamicUser=yes", "ProtectSystem=strict", "StateDirectory=televent",
                 "NoNewPrivileges=yes", "ProtectHome=yes", "PrivateTmp=yes"):  # fmt: skip
        assert re.search(rf"^{re.escape(line)}$", text, re.MULTILINE), line

"""The Mini App's first paint on a phone: every module app.js needs, however deep, is named in
index.html's modulepreload links, so the browser asks for all of them at once instead of
finding them one import at a time (a round trip each, on a mobile network)."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

STATIC = Path(__file__).resolve().parents[2] / "src/televent/adapters/webapp/static"
IMPORT = re.compile(r"""(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*["'](\.{1,2}/[^"']+)["']""")


def imported_by(module: PurePosixPath) -> set[PurePosixPath]:
    text = (STATIC / module).read_text(encoding="utf-8")
    found = set()
    for target in IMPORT.findall(text):
        parts: list[str] = []
        for part in (module.parent / target).parts:
            if part == "..":
                parts.pop()
            elif part != ".":
                parts.append(part)
        found.add(PurePosixPath(*parts))
    return found


def test_every_module_the_app_imports_is_preloaded() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    preloaded = {
        PurePosixPath(href.removeprefix("/app/"))
        for href in re.findall(r'<link rel="modulepreload" href="([^"]+)">', html)
    }
    needed: set[PurePosixPath] = set()
    waiting = [PurePosixPath("js/app.js")]
    while waiting:
        module = waiting.pop()
        for found in imported_by(module) - needed:
            needed.add(found)
            waiting.append(found)
    assert len(needed) > 20  # the graph was read: the app's own modules and the vendored ones
    assert sorted(map(str, needed - preloaded)) == []
    assert sorted(map(str, preloaded - needed)) == []  # nothing preloaded that is not used

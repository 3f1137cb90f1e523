"""`make lint`'s check of the catalogue: `python -m televent.adapters.i18n.check`.

Fails (exit 1, each problem on a line) when a file does not parse, a message id is defined
twice in a language, a language lacks a message English has or has one English lacks, a
translation's placeholders (`{ $name }`) or attributes (`.label = ...`) differ from English's,
or the code asks for a
message id (`t("id"`, `translate(language, "id"`, an error's `.worded("id"`, the Mini App's
`t("id"` and `data-i18n="id"`) that English does not define.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

from fluent.syntax import FluentParser, ast, visitor

from televent.adapters.i18n.catalogue import LOCALES
from televent.domain.languages import DEFAULT_LANGUAGE, LANGUAGES

SOURCE = Path(__file__).resolve().parents[2]  # src/televent
_USES = (
    re.compile(r"""\bt\(\s*["']([a-z][a-z0-9-]*)["']"""),
    re.compile(r"""\btranslate\(\s*[^,()]+,\s*["']([a-z][a-z0-9-]*)["']"""),
    re.compile(r"""data-i18n(?:-[a-z]+)?=["']([a-z][a-z0-9-]*)["']"""),
    re.compile(r"""\.worded\(\s*["']([a-z][a-z0-9-]*)["']"""),
    re.compile(r"""\bphrase\(\s*[^,()]+,\s*["']([a-z][a-z0-9-]*)["']"""),
    re.compile(r"""\bunisolated\(\s*[^,()]+,\s*["']([a-z][a-z0-9-]*)["']"""),
    re.compile(r"""\bWords\(\s*["']([a-z][a-z0-9-]*)["']"""),
)


class _Variables(visitor.Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:  # noqa: N802
        self.names.add(node.id.name)
        self.generic_visit(node)


def messages(language: str) -> tuple[dict[str, set[str]], list[str]]:
    """A language's messages (id → placeholder names, and `.attribute` for each attribute it
    has) and the problems found reading them."""
    found: dict[str, set[str]] = {}
    problems: list[str] = []
    folder = LOCALES / language
    files = sorted(folder.glob("*.ftl"))
    if not files:
        problems.append(f"{language}: no .ftl files in {folder.name}/")
    for path in files:
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            where = f"{language}/{path.name}"
            if isinstance(entry, ast.Junk):
                problems.append(f"{where}: does not parse: {(entry.content or '').strip()[:80]!r}")
            elif isinstance(entry, ast.Message):
                name = entry.id.name
                if name in found:
                    problems.append(f"{where}: {name} is defined twice")
                variables = _Variables()
                variables.visit(entry)
                found[name] = variables.names | {f".{a.id.name}" for a in entry.attributes}
    return found, problems


def _placeholders(names: set[str]) -> set[str]:
    return {name for name in names if not name.startswith(".")}


def _attributes(names: set[str]) -> set[str]:
    return {name for name in names if name.startswith(".")}


def used_ids() -> Iterator[tuple[str, str]]:
    """(file, message id) for every message the code asks for."""
    for path in sorted(SOURCE.rglob("*")):
        if path.suffix not in (".py", ".js", ".html") or "vendor" in path.parts:
            continue
        if path.parent == Path(__file__).parent or path.name == "i18n.js":
            continue  # the catalogue's own code names messages only in examples
        text = path.read_text(encoding="utf-8")
        for pattern in _USES:
            for match in pattern.finditer(text):
                yield str(path.relative_to(SOURCE)), match.group(1)


def problems() -> list[str]:
    """Everything wrong with the catalogue, in words."""
    english, found = messages(DEFAULT_LANGUAGE)
    for language in LANGUAGES:
        if language == DEFAULT_LANGUAGE:
            continue
        translated, more = messages(language)
        found.extend(more)
        for name in sorted(set(english) - set(translated)):
            found.append(f"{language}: {name} is missing")
        for name in sorted(set(translated) - set(english)):
            found.append(f"{language}: {name} is not in English")
        for name in sorted(set(english) & set(translated)):
            for kind, pick in (("placeholders", _placeholders), ("attributes", _attributes)):
                want, have = pick(english[name]), pick(translated[name])
                if want != have:
                    found.append(
                        f"{language}: {name} has {kind} {', '.join(sorted(have)) or 'none'}, "
                        f"English {', '.join(sorted(want)) or 'none'}"
                    )
    for where, name in used_ids():
        if name not in english:
            found.append(f"{where}: asks for {name}, which English does not define")
    return found


def main() -> int:
    found = problems()
    for problem in found:
        print(problem)
    if found:
        print(f"{len(found)} problem(s) in the message catalogue")
        return 1
    print(f"Message catalogue: {len(LANGUAGES)} languages agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())

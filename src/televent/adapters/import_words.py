"""What an import did, in a person's words (the bot and the API say it alike; the Mini App
says it from the API's counts with its own catalogue files)."""

from __future__ import annotations

from televent.adapters.i18n import translate
from televent.application.calendar_import import ImportReport
from televent.domain.calendar_import import Left

NAMED_SKIPS = 10  # how many skipped things are named; the rest are counted


def report_words(report: ImportReport, language: str) -> str:
    """What an import did, in `language`: the counts, then each thing skipped and why."""
    lines = [
        translate(
            language,
            "import-result",
            imported=report.imported,
            updated=report.updated,
            unchanged=report.unchanged,
            skipped=len(report.skipped),
        )
    ]
    lines += [skipped_words(left, language) for left in report.skipped[:NAMED_SKIPS]]
    if len(report.skipped) > NAMED_SKIPS:
        lines.append(
            translate(language, "import-skipped-more", count=len(report.skipped) - NAMED_SKIPS)
        )
    return "\n".join(lines)


def skipped_words(left: Left, language: str) -> str:
    """One thing skipped, and why, in `language`."""
    return translate(
        language, "import-skipped", summary=left.summary or left.uid, reason=left.words
    )

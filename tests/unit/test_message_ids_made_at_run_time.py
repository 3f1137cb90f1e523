"""Message ids the code builds at run time, which the catalogue check (`make lint`) cannot
read from the source: every one it can build exists in every language, so no reader ever
gets a bare id instead of words."""

from __future__ import annotations

import pytest

from televent.adapters.api.attendees import _WHY
from televent.adapters.i18n.catalogue import bundle
from televent.domain.languages import LANGUAGES

# What an import or a feed leaves out, and why (domain/calendar_import.py, the application's
# and a connection's own: `import-left-{code}`).
LEFT_CODES = ("kind", "mixed", "repeated", "invalid", "name")


def built_ids() -> list[str]:
    ids = [f"import-left-{code}" for code in LEFT_CODES]
    for reason, why in _WHY.items():
        ids.append(reason)
        ids += [f"refusal-events-{field}-{why}" for field in ("invitee", "attendees")]
    return ids


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_id_built_at_run_time_is_in_the_catalogue(language: str) -> None:
    missing = [i for i in built_ids() if not bundle(language).has_message(i)]
    assert missing == []

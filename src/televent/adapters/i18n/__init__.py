"""The one message catalogue: every text a person reads, in every language Televent speaks.

`catalogue.py` renders a message of the Fluent files in `locales/<language>/` (the bot, the
mails, the booking pages, the API's problem titles; the Mini App loads its own files of the
same folders, `app*.ftl`, and renders them with the browser's Fluent); `formatting.py` writes
dates, times and durations with Babel, in the person's language, 12/24-hour clock and first
day of the week; `check.py` is `make lint`'s check that every message exists in every language
with the same placeholders. Which language a person reads is decided in
`televent.domain.languages`.
"""

from televent.adapters.i18n.catalogue import (
    current_language,
    said,
    speaking,
    t,
    translate,
    unisolated,
)

__all__ = ["current_language", "said", "speaking", "t", "translate", "unisolated"]

"""The languages Televent speaks, and which one a person reads.

One list, one rule: the bot, the Mini App, the booking pages, the mails and the API's problem
titles all ask `language_for` (adapters/i18n renders the words). A person's own choice
(`/language`, the app's settings, `PATCH /api/v1/me`) wins; else the language their Telegram
app reports; else, on a booking page, what the visitor's browser asks for; else English.

Telegram's `language_code` is an IETF tag ("pt-br", "en", "uk", "fa"); browsers send
Accept-Language ("pt-BR,pt;q=0.9,en;q=0.8"). A tag is matched on its language, with Portuguese
read as Brazilian Portuguese, the variant the catalogue has.

Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable

DEFAULT_LANGUAGE = "en"
# English first (the fallback); the catalogue (adapters/i18n/locales/<code>/) has one folder each
LANGUAGES = ("en", "ru", "es", "pt-BR", "de", "uk", "id", "fa")
RIGHT_TO_LEFT = frozenset({"fa"})
# each language's own name, as its speakers write it (shown in /language and the app's settings)
NATIVE_NAMES = {
    "en": "English",
    "ru": "Русский",
    "es": "Español",
    "pt-BR": "Português (Brasil)",
    "de": "Deutsch",
    "uk": "Українська",
    "id": "Bahasa Indonesia",
    "fa": "فارسی",
}
_BY_PRIMARY = {code.split("-")[0].lower(): code for code in LANGUAGES}
_ALIASES = {"in": "id", "iw": "he"}  # old ISO 639 codes some systems still send
_MAX_ACCEPT_LANGUAGE = 1000  # characters of an Accept-Language header read


def supported(tag: str | None) -> str | None:
    """The catalogue's language for an IETF tag ("pt-br" → "pt-BR", "de-AT" → "de"), or None."""
    if not tag or not isinstance(tag, str):
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    primary = _ALIASES.get(primary, primary)
    return _BY_PRIMARY.get(primary)


def from_accept_language(header: str | None) -> str | None:
    """The first supported language of an Accept-Language header, by its q-values."""
    if not header:
        return None
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header[:_MAX_ACCEPT_LANGUAGE].split(",")[:50]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0 and tag:
            ranked.append((-quality, index, tag))
    for _, _, tag in sorted(ranked):
        code = supported(tag)
        if code is not None:
            return code
    return None


def language_for(chosen: str | None, *reported: str | None) -> str:
    """The language a person reads: their choice, else the first supported language their
    clients report (Telegram's language_code, a browser's Accept-Language already read with
    `from_accept_language`), else English."""
    for tag in (chosen, *reported):
        code = supported(tag)
        if code is not None:
            return code
    return DEFAULT_LANGUAGE


def direction(language: str) -> str:
    """ "rtl" for a right-to-left language, else "ltr"."""
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def languages_named() -> Iterable[tuple[str, str]]:
    """(code, native name) of every language, in the catalogue's order."""
    return ((code, NATIVE_NAMES[code]) for code in LANGUAGES)

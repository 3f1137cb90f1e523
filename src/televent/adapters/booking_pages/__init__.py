"""The public booking pages: /book/<slug> for visitors and /book/<slug>/manage/<token> for a
booked visitor (plain HTML, CSS and one ES module; the JSON they use is the API's /api/v1/book)."""

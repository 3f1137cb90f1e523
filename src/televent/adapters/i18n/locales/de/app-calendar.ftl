# The calendar screen: its toolbar, the views and the grid's own words (index.html,
# js/calendar.js, js/ui.js).
calendar-label = Kalender
calendar-previous = Vorheriger Zeitraum
calendar-next = Nächster Zeitraum
calendar-new-event = Neuer Termin
calendar-today = Heute
calendar-views = Ansicht
calendar-view-month = Monat
calendar-view-week = Woche
calendar-view-3day = 3 Tage
calendar-view-day = Tag
calendar-view-agenda = Liste
calendar-no-title = (ohne Titel)
calendar-nothing-planned = Nichts geplant
calendar-all-day = ganztägig
# Events a day of the month hides, behind a link.
calendar-more = { $count } weitere
calendar-all-day-when = { $days }, ganztägig
main-cancel = Abbrechen

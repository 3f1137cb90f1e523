# The Mini App: importing an .ics file into a calendar, on its people screen (docs/adr/0024).
app-import-title = Import events from a file
app-import-hint = An .ics file from another calendar app or a website: its events are added to this calendar. Nobody is invited or told.
app-import-choose = Choose a file (.ics)
app-import-working = Importing…
app-import-too-large = The file is { $size } MB; at most { $limit } MB can be imported at once.

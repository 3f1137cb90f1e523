# The Mini App: importing an .ics file into a calendar, on its people screen (docs/adr/0024).
app-import-title = Termine aus einer Datei importieren
app-import-hint = Eine .ics-Datei aus einer anderen Kalender-App oder von einer Website: ihre Termine kommen in diesen Kalender. Niemand wird eingeladen oder benachrichtigt.
app-import-choose = Datei wählen (.ics)
app-import-working = Wird importiert…
app-import-too-large = Die Datei hat { $size } MB; höchstens { $limit } MB lassen sich auf einmal importieren.

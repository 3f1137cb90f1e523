# Importing a calendar file (the bot, the API; docs/adr/0024).
import-result = Importiert: { $imported }. Aktualisiert: { $updated }. Schon vorhanden: { $unchanged }. Übersprungen: { $skipped }.
import-skipped = „{ $summary }“ übersprungen: { $reason }
import-skipped-more = …und { $count } weitere übersprungen.
import-left-kind = kein Eintrag, den dieser Kalender enthält
import-left-mixed = seine UID benennt zwei Arten von Einträgen
import-left-repeated = seine UID kommt später in der Datei noch einmal
import-left-invalid = seine Daten sind nicht lesbar ({ $detail })
import-left-name = ein anderer Termin trägt schon seinen Namen
refusal-import-too-large = Die Datei hat { $size } MB; höchstens { $limit } MB lassen sich auf einmal importieren.
refusal-import-too-many = Die Datei enthält { $count } Termine; höchstens { $limit } lassen sich auf einmal importieren.
refusal-import-not-ics = Das ist keine Kalenderdatei (.ics).
refusal-import-nothing = Aus dieser Datei lässt sich nichts importieren. { import-skipped }
refusal-import-empty = Die Datei enthält keine Termine.
api-detail-not-calendar = Der Inhalt der Anfrage muss eine iCalendar-Datei sein (Content-Type: text/calendar).
bot-import-done = 📥 In „{ $calendar }“ importiert. Niemand wurde eingeladen oder benachrichtigt.
bot-import-not-ics = Schick mir eine Kalenderdatei (.ics), und ich importiere ihre Termine in deinen Kalender.

# Die Datumsfelder der Mini App (js/datefield.js): die Daten im Terminformular, der letzte Tag
# einer Wiederholung, ein freier Tag; und der Monat, aus dem man einen Tag wählt.
date-field-invalid = { $field }: Gib ein Datum ein, zum Beispiel { $example }.
date-field-open = Datum auswählen
date-field-previous-month = Vorheriger Monat
date-field-next-month = Nächster Monat

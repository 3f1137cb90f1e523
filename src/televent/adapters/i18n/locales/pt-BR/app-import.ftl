# The Mini App: importing an .ics file into a calendar, on its people screen (docs/adr/0024).
app-import-title = Importar eventos de um arquivo
app-import-hint = Um arquivo .ics de outro app de agenda ou de um site: os eventos dele entram nesta agenda. Ninguém é convidado nem avisado.
app-import-choose = Escolher um arquivo (.ics)
app-import-working = Importando…
app-import-too-large = O arquivo tem { $size } MB; é possível importar no máximo { $limit } MB de uma vez.

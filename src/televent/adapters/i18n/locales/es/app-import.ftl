# The Mini App: importing an .ics file into a calendar, on its people screen (docs/adr/0024).
app-import-title = Importar eventos de un archivo
app-import-hint = Un archivo .ics de otra app de calendario o de una web: sus eventos se añaden a este calendario. No se invita ni se avisa a nadie.
app-import-choose = Elegir un archivo (.ics)
app-import-working = Importando…
app-import-too-large = El archivo ocupa { $size } MB; se pueden importar como máximo { $limit } MB a la vez.

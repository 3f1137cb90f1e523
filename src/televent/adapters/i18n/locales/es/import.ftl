# Importing a calendar file (the bot, the API; docs/adr/0024).
import-result = Importados: { $imported }. Actualizados: { $updated }. Ya estaban: { $unchanged }. Omitidos: { $skipped }.
import-skipped = «{ $summary }» omitido: { $reason }
import-skipped-more = …y { $count } omitidos más.
import-left-kind = no es un elemento que guarde este calendario
import-left-mixed = su UID nombra dos tipos de elemento
import-left-repeated = su UID vuelve a aparecer más adelante en el archivo
import-left-invalid = sus datos no se pueden leer ({ $detail })
import-left-name = otro evento ya tiene su nombre
refusal-import-too-large = El archivo ocupa { $size } MB; se pueden importar como máximo { $limit } MB a la vez.
refusal-import-too-many = El archivo tiene { $count } eventos; se pueden importar como máximo { $limit } a la vez.
refusal-import-not-ics = Esto no es un archivo de calendario (.ics).
refusal-import-nothing = No se puede importar nada de este archivo. { import-skipped }
refusal-import-empty = El archivo no tiene eventos.
api-detail-not-calendar = El cuerpo de la solicitud debe ser un archivo iCalendar (Content-Type: text/calendar).
bot-import-done = 📥 Importado en «{ $calendar }». No se invitó ni se avisó a nadie.
bot-import-not-ics = Envíame un archivo de calendario (.ics) e importaré sus eventos en tu calendario.

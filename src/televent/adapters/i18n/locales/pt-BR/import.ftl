# Importing a calendar file (the bot, the API; docs/adr/0024).
import-result = Importados: { $imported }. Atualizados: { $updated }. Já estavam: { $unchanged }. Ignorados: { $skipped }.
import-skipped = “{ $summary }” ignorado: { $reason }
import-skipped-more = …e mais { $count } ignorados.
import-left-kind = não é um item que esta agenda guarda
import-left-mixed = seu UID nomeia dois tipos de item
import-left-repeated = seu UID aparece de novo mais adiante no arquivo
import-left-invalid = seus dados não podem ser lidos ({ $detail })
import-left-name = outro evento já tem o seu nome
refusal-import-too-large = O arquivo tem { $size } MB; é possível importar no máximo { $limit } MB de uma vez.
refusal-import-too-many = O arquivo tem { $count } eventos; é possível importar no máximo { $limit } de uma vez.
refusal-import-not-ics = Isto não é um arquivo de agenda (.ics).
refusal-import-nothing = Nada neste arquivo pode ser importado. { import-skipped }
refusal-import-empty = O arquivo não tem eventos.
api-detail-not-calendar = O corpo da requisição deve ser um arquivo iCalendar (Content-Type: text/calendar).
bot-import-done = 📥 Importado em “{ $calendar }”. Ninguém foi convidado nem avisado.
bot-import-not-ics = Envie um arquivo de agenda (.ics) e eu importo os eventos dele para a sua agenda.

# Importing a calendar file (the bot, the API; docs/adr/0024).
import-result = Импортировано: { $imported }. Обновлено: { $updated }. Уже были: { $unchanged }. Пропущено: { $skipped }.
import-skipped = «{ $summary }» пропущено: { $reason }
import-skipped-more = …и ещё { $count } пропущено.
import-left-kind = этот календарь не хранит такие записи
import-left-mixed = его UID относится к двум видам записей
import-left-repeated = его UID встречается в файле ещё раз ниже
import-left-invalid = его данные не читаются ({ $detail })
import-left-name = у другого события уже такое имя
refusal-import-too-large = Файл весит { $size } МБ; за один раз можно импортировать не больше { $limit } МБ.
refusal-import-too-many = В файле { $count } событий; за один раз можно импортировать не больше { $limit }.
refusal-import-not-ics = Это не файл календаря (.ics).
refusal-import-nothing = Из этого файла нечего импортировать. { import-skipped }
refusal-import-empty = В файле нет событий.
api-detail-not-calendar = Тело запроса должно быть файлом iCalendar (Content-Type: text/calendar).
bot-import-done = 📥 Импортировано в «{ $calendar }». Никого не приглашали и не уведомляли.
bot-import-not-ics = Пришлите файл календаря (.ics), и я импортирую его события в ваш календарь.

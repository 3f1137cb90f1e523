# Importing a calendar file (the bot, the API; docs/adr/0024).
import-result = Імпортовано: { $imported }. Оновлено: { $updated }. Уже були: { $unchanged }. Пропущено: { $skipped }.
import-skipped = «{ $summary }» пропущено: { $reason }
import-skipped-more = …і ще { $count } пропущено.
import-left-kind = цей календар не зберігає такі записи
import-left-mixed = його UID стосується двох видів записів
import-left-repeated = його UID трапляється у файлі ще раз нижче
import-left-invalid = його дані не читаються ({ $detail })
import-left-name = інша подія вже має таке ім'я
refusal-import-too-large = Файл важить { $size } МБ; за один раз можна імпортувати не більше { $limit } МБ.
refusal-import-too-many = У файлі { $count } подій; за один раз можна імпортувати не більше { $limit }.
refusal-import-not-ics = Це не файл календаря (.ics).
refusal-import-nothing = З цього файлу нічого імпортувати. { import-skipped }
refusal-import-empty = У файлі немає подій.
api-detail-not-calendar = Тіло запиту має бути файлом iCalendar (Content-Type: text/calendar).
bot-import-done = 📥 Імпортовано в «{ $calendar }». Нікого не запрошували й не сповіщали.
bot-import-not-ics = Надішліть файл календаря (.ics), і я імпортую його події у ваш календар.

# The Mini App: importing an .ics file into a calendar, on its people screen (docs/adr/0024).
app-import-title = Імпорт подій з файлу
app-import-hint = Файл .ics з іншого календаря чи сайту: його події додадуться до цього календаря. Нікого не запросять і не сповістять.
app-import-choose = Вибрати файл (.ics)
app-import-working = Імпорт…
app-import-too-large = Файл важить { $size } МБ; за один раз можна імпортувати не більше { $limit } МБ.

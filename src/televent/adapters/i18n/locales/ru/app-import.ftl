# The Mini App: importing an .ics file into a calendar, on its people screen (docs/adr/0024).
app-import-title = Импорт событий из файла
app-import-hint = Файл .ics из другого календаря или с сайта: его события добавятся в этот календарь. Никого не пригласят и не уведомят.
app-import-choose = Выбрать файл (.ics)
app-import-working = Импорт…
app-import-too-large = Файл весит { $size } МБ; за один раз можно импортировать не больше { $limit } МБ.

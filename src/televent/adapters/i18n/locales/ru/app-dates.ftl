# Поля даты в Mini App (js/datefield.js): даты в форме события, последний день повторения,
# выходной день; и месяц, в котором выбирают день.
date-field-invalid = { $field }: укажите дату, например { $example }.
date-field-open = Выбрать дату
date-field-previous-month = Предыдущий месяц
date-field-next-month = Следующий месяц

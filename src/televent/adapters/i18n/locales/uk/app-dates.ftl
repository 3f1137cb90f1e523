# Поля дати в Mini App (js/datefield.js): дати у формі події, останній день повторення,
# вихідний день; і місяць, у якому вибирають день.
date-field-invalid = { $field }: вкажіть дату, наприклад { $example }.
date-field-open = Вибрати дату
date-field-previous-month = Попередній місяць
date-field-next-month = Наступний місяць

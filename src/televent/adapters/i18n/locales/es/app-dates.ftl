# Los campos de fecha de la Mini App (js/datefield.js): las fechas del formulario de un evento,
# el último día de una repetición, un día libre; y el mes en el que se elige un día.
date-field-invalid = { $field }: escribe una fecha, por ejemplo { $example }.
date-field-open = Elegir una fecha
date-field-previous-month = Mes anterior
date-field-next-month = Mes siguiente

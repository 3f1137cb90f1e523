# Os campos de data do Mini App (js/datefield.js): as datas do formulário de um evento, o último
# dia de uma repetição, um dia de folga; e o mês em que se escolhe um dia.
date-field-invalid = { $field }: escreva uma data, por exemplo { $example }.
date-field-open = Escolher uma data
date-field-previous-month = Mês anterior
date-field-next-month = Próximo mês

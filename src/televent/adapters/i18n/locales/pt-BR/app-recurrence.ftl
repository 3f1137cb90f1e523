# O Mini App: eventos que se repetem, em palavras (js/recurrence.js). $rule é a regra até ali
# («A cada 2 semanas»); cada mensagem acrescenta uma parte a ela.

## Com que frequência
recurrence-daily = Todo dia
recurrence-every-days = { $interval ->
    [one] A cada { $interval } dia
   *[other] A cada { $interval } dias
}
recurrence-weekly = Toda semana
recurrence-every-weeks = { $interval ->
    [one] A cada { $interval } semana
   *[other] A cada { $interval } semanas
}
recurrence-monthly = Todo mês
recurrence-every-months = { $interval ->
    [one] A cada { $interval } mês
   *[other] A cada { $interval } meses
}
recurrence-yearly = Todo ano
recurrence-every-years = { $interval ->
    [one] A cada { $interval } ano
   *[other] A cada { $interval } anos
}
recurrence-hourly = A cada hora
recurrence-every-hours = { $interval ->
    [one] A cada { $interval } hora
   *[other] A cada { $interval } horas
}
recurrence-minutely = A cada minuto
recurrence-every-minutes = { $interval ->
    [one] A cada { $interval } minuto
   *[other] A cada { $interval } minutos
}
recurrence-secondly = A cada segundo
recurrence-every-seconds = { $interval ->
    [one] A cada { $interval } segundo
   *[other] A cada { $interval } segundos
}
recurrence-weekdays = Todo dia útil

## Em quais dias
recurrence-on-days = { $rule }: { $days }
recurrence-on-nth = { $rule } ({ $when })
recurrence-on-nth-of-month = { $rule } ({ $when } de { $month })
# O ordinal concorda com o gênero do dia: segunda a sexta-feira são femininos, sábado e
# domingo masculinos.
recurrence-nth-weekday = { $day ->
    [SA] { $nth ->
        [1] primeiro
        [2] segundo
        [3] terceiro
        [4] quarto
        [5] quinto
        [-1] último
        [-2] penúltimo
       *[other] { $nth }º
    }
    [SU] { $nth ->
        [1] primeiro
        [2] segundo
        [3] terceiro
        [4] quarto
        [5] quinto
        [-1] último
        [-2] penúltimo
       *[other] { $nth }º
    }
   *[other] { $nth ->
        [1] primeira
        [2] segunda
        [3] terceira
        [4] quarta
        [5] quinta
        [-1] última
        [-2] penúltima
       *[other] { $nth }ª
    }
} { $weekday }
recurrence-on-month-days = { $count ->
    [one] { $rule }, no dia { $days }
   *[other] { $rule }, nos dias { $days }
}
recurrence-on-last-day = { $rule }, no último dia do mês
recurrence-on-date = { $rule }, em { $date }
recurrence-in-months = { $rule } em { $months }
recurrence-on-year-days = { $count ->
    [one] { $rule }, no dia { $days } do ano
   *[other] { $rule }, nos dias { $days } do ano
}
recurrence-in-weeks = { $count ->
    [one] { $rule }, na semana { $weeks } do ano
   *[other] { $rule }, nas semanas { $weeks } do ano
}
recurrence-setpos = { $rule }, apenas o { $positions }
recurrence-position = { $nth ->
    [1] primeiro
    [2] segundo
    [3] terceiro
    [4] quarto
    [5] quinto
    [-1] último
    [-2] penúltimo
   *[other] { $nth }º
}
recurrence-at-times = { $rule } às { $times }
recurrence-raw = { $rule } ({ $parts })

## Quando termina
recurrence-until = { $rule } até { $date }
recurrence-count = { $rule }, { $count ->
    [one] uma vez
   *[other] { $count } vezes
}
recurrence-unreadable = Repete-se ({ $rule })

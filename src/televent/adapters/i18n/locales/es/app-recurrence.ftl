# La Mini App: eventos que se repiten, en palabras (js/recurrence.js). $rule es la regla hasta
# ese punto («Cada 2 semanas»); cada mensaje le añade una parte.

## Con qué frecuencia
recurrence-daily = Cada día
recurrence-every-days = { $interval ->
    [one] Cada { $interval } día
   *[other] Cada { $interval } días
}
recurrence-weekly = Cada semana
recurrence-every-weeks = { $interval ->
    [one] Cada { $interval } semana
   *[other] Cada { $interval } semanas
}
recurrence-monthly = Cada mes
recurrence-every-months = { $interval ->
    [one] Cada { $interval } mes
   *[other] Cada { $interval } meses
}
recurrence-yearly = Cada año
recurrence-every-years = { $interval ->
    [one] Cada { $interval } año
   *[other] Cada { $interval } años
}
recurrence-hourly = Cada hora
recurrence-every-hours = { $interval ->
    [one] Cada { $interval } hora
   *[other] Cada { $interval } horas
}
recurrence-minutely = Cada minuto
recurrence-every-minutes = { $interval ->
    [one] Cada { $interval } minuto
   *[other] Cada { $interval } minutos
}
recurrence-secondly = Cada segundo
recurrence-every-seconds = { $interval ->
    [one] Cada { $interval } segundo
   *[other] Cada { $interval } segundos
}
recurrence-weekdays = De lunes a viernes

## Qué días
recurrence-on-days = { $rule }: { $days }
recurrence-on-nth = { $rule }, el { $when }
recurrence-on-nth-of-month = { $rule }, el { $when } de { $month }
# Todos los días de la semana son masculinos: primer, segundo… último
recurrence-nth-weekday = { $nth ->
    [1] primer
    [2] segundo
    [3] tercer
    [4] cuarto
    [5] quinto
    [-1] último
    [-2] penúltimo
   *[other] { $nth }.º
} { $day ->
   *[other] { $weekday }
}
recurrence-on-month-days = { $count ->
    [one] { $rule }, el día { $days }
   *[other] { $rule }, los días { $days }
}
recurrence-on-last-day = { $rule }, el último día del mes
recurrence-on-date = { $rule }, el { $date }
recurrence-in-months = { $rule } en { $months }
recurrence-on-year-days = { $count ->
    [one] { $rule }, el día { $days } del año
   *[other] { $rule }, los días { $days } del año
}
recurrence-in-weeks = { $count ->
    [one] { $rule }, en la semana { $weeks }
   *[other] { $rule }, en las semanas { $weeks }
}
recurrence-setpos = { $rule }, solo el { $positions }
recurrence-position = { $nth ->
    [1] primero
    [2] segundo
    [3] tercero
    [4] cuarto
    [5] quinto
    [-1] último
    [-2] penúltimo
   *[other] { $nth }.º
}
recurrence-at-times = { $rule } a las { $times }
recurrence-raw = { $rule } ({ $parts })

## Cuándo termina
recurrence-until = { $rule } hasta el { $date }
recurrence-count = { $rule }, { $count ->
    [one] una vez
   *[other] { $count } veces
}
recurrence-unreadable = Se repite ({ $rule })

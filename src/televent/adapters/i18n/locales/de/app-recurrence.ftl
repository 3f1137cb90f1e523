# Die Mini-App: wiederkehrende Termine in Worten (js/recurrence.js). $rule ist die Regel bis
# dahin („Alle 2 Wochen“); jede Nachricht fügt ihr einen Teil hinzu.

## Wie oft
recurrence-daily = Täglich
recurrence-every-days = { $interval ->
    [one] Jeden { $interval }. Tag
   *[other] Alle { $interval } Tage
}
recurrence-weekly = Jede Woche
recurrence-every-weeks = { $interval ->
    [one] Jede { $interval }. Woche
   *[other] Alle { $interval } Wochen
}
recurrence-monthly = Jeden Monat
recurrence-every-months = { $interval ->
    [one] Jeden { $interval }. Monat
   *[other] Alle { $interval } Monate
}
recurrence-yearly = Jedes Jahr
recurrence-every-years = { $interval ->
    [one] Jedes { $interval }. Jahr
   *[other] Alle { $interval } Jahre
}
recurrence-hourly = Jede Stunde
recurrence-every-hours = { $interval ->
    [one] Jede { $interval }. Stunde
   *[other] Alle { $interval } Stunden
}
recurrence-minutely = Jede Minute
recurrence-every-minutes = { $interval ->
    [one] Jede { $interval }. Minute
   *[other] Alle { $interval } Minuten
}
recurrence-secondly = Jede Sekunde
recurrence-every-seconds = { $interval ->
    [one] Jede { $interval }. Sekunde
   *[other] Alle { $interval } Sekunden
}
recurrence-weekdays = Jeden Werktag (Mo.–Fr.)

## An welchen Tagen
recurrence-on-days = { $rule } am { $days }
recurrence-on-nth = { $rule } am { $when }
recurrence-on-nth-of-month = { $rule } am { $when } im { $month }
# Nach „am“: ersten, zweiten … letzten (alle Wochentage sind männlich)
recurrence-nth-weekday = { $nth ->
    [1] ersten
    [2] zweiten
    [3] dritten
    [4] vierten
    [5] fünften
    [-1] letzten
    [-2] vorletzten
   *[other] { $nth }.
} { $day ->
   *[other] { $weekday }
}
recurrence-on-month-days = { $count ->
    [one] { $rule } am { $days }.
   *[other] { $rule } an den Tagen { $days }
}
recurrence-on-last-day = { $rule } am letzten Tag des Monats
recurrence-on-date = { $rule } am { $date }
recurrence-in-months = { $rule } im { $months }
recurrence-on-year-days = { $count ->
    [one] { $rule } am { $days }. Tag des Jahres
   *[other] { $rule } an den Tagen { $days } des Jahres
}
recurrence-in-weeks = { $count ->
    [one] { $rule } in Kalenderwoche { $weeks }
   *[other] { $rule } in den Kalenderwochen { $weeks }
}
recurrence-setpos = { $rule }, davon nur der { $positions }
recurrence-position = { $nth ->
    [1] erste
    [2] zweite
    [3] dritte
    [4] vierte
    [5] fünfte
    [-1] letzte
    [-2] vorletzte
   *[other] { $nth }.
}
recurrence-at-times = { $rule } um { $times }
recurrence-raw = { $rule } ({ $parts })

## Wann es endet
recurrence-until = { $rule } bis { $date }
recurrence-count = { $rule }, { $count ->
    [one] einmal
   *[other] { $count }-mal
}
recurrence-unreadable = Wiederholt sich ({ $rule })

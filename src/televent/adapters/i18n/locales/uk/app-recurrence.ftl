# Міні-застосунок: повторювані події словами (js/recurrence.js). $rule — правило, сказане досі
# («Кожні 2 тижні»), кожне повідомлення додає до нього одну частину.

## Як часто
recurrence-daily = Щодня
recurrence-every-days = { $interval ->
    [one] Кожен { $interval } день
    [few] Кожні { $interval } дні
    [many] Кожні { $interval } днів
   *[other] Кожні { $interval } дня
}
recurrence-weekly = Щотижня
recurrence-every-weeks = { $interval ->
    [one] Кожен { $interval } тиждень
    [few] Кожні { $interval } тижні
    [many] Кожні { $interval } тижнів
   *[other] Кожні { $interval } тижня
}
recurrence-monthly = Щомісяця
recurrence-every-months = { $interval ->
    [one] Кожен { $interval } місяць
    [few] Кожні { $interval } місяці
    [many] Кожні { $interval } місяців
   *[other] Кожні { $interval } місяця
}
recurrence-yearly = Щороку
recurrence-every-years = { $interval ->
    [one] Кожен { $interval } рік
    [few] Кожні { $interval } роки
    [many] Кожні { $interval } років
   *[other] Кожні { $interval } року
}
recurrence-hourly = Щогодини
recurrence-every-hours = { $interval ->
    [one] Кожну { $interval } годину
    [few] Кожні { $interval } години
    [many] Кожні { $interval } годин
   *[other] Кожні { $interval } години
}
recurrence-minutely = Щохвилини
recurrence-every-minutes = { $interval ->
    [one] Кожну { $interval } хвилину
    [few] Кожні { $interval } хвилини
    [many] Кожні { $interval } хвилин
   *[other] Кожні { $interval } хвилини
}
recurrence-secondly = Щосекунди
recurrence-every-seconds = { $interval ->
    [one] Кожну { $interval } секунду
    [few] Кожні { $interval } секунди
    [many] Кожні { $interval } секунд
   *[other] Кожні { $interval } секунди
}
recurrence-weekdays = У будні

## У які дні
recurrence-on-days = { $rule }: { $days }
recurrence-on-nth = { $rule }: { $when }
recurrence-on-nth-of-month = { $rule }: { $when } { $month }
# Порядковий числівник узгоджується з родом дня тижня: середа, п’ятниця, субота, неділя —
# жіночий рід.
recurrence-nth-weekday = { $day ->
    [WE] { $nth ->
        [1] перша
        [2] друга
        [3] третя
        [4] четверта
        [5] п’ята
        [-1] остання
        [-2] передостання
       *[other] { $nth }-а
    }
    [FR] { $nth ->
        [1] перша
        [2] друга
        [3] третя
        [4] четверта
        [5] п’ята
        [-1] остання
        [-2] передостання
       *[other] { $nth }-а
    }
    [SA] { $nth ->
        [1] перша
        [2] друга
        [3] третя
        [4] четверта
        [5] п’ята
        [-1] остання
        [-2] передостання
       *[other] { $nth }-а
    }
    [SU] { $nth ->
        [1] перша
        [2] друга
        [3] третя
        [4] четверта
        [5] п’ята
        [-1] остання
        [-2] передостання
       *[other] { $nth }-а
    }
   *[other] { $nth ->
        [1] перший
        [2] другий
        [3] третій
        [4] четвертий
        [5] п’ятий
        [-1] останній
        [-2] передостанній
       *[other] { $nth }-й
    }
} { $weekday }
recurrence-on-month-days = { $count ->
    [one] { $rule }, { $days }-го числа
   *[other] { $rule }, числа: { $days }
}
recurrence-on-last-day = { $rule }, в останній день місяця
recurrence-on-date = { $rule }: { $date }
recurrence-in-months = { $rule }, місяці: { $months }
recurrence-on-year-days = { $count ->
    [one] { $rule }, { $days }-й день року
   *[other] { $rule }, дні року: { $days }
}
recurrence-in-weeks = { $count ->
    [one] { $rule }, { $weeks }-й тиждень року
   *[other] { $rule }, тижні року: { $weeks }
}
recurrence-setpos = { $rule } (за порядком: { $positions })
recurrence-position = { $nth ->
    [1] перший
    [2] другий
    [3] третій
    [4] четвертий
    [5] п’ятий
    [-1] останній
    [-2] передостанній
   *[other] { $nth }-й
}
recurrence-at-times = { $rule } о { $times }
recurrence-raw = { $rule } ({ $parts })

## Коли закінчується
recurrence-until = { $rule } до { $date }
recurrence-count = { $rule }, { $count ->
    [one] { $count } раз
    [few] { $count } рази
    [many] { $count } разів
   *[other] { $count } раза
}
recurrence-unreadable = Повторюється ({ $rule })

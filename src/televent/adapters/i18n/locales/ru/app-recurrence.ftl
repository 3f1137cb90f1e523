# Мини-приложение: повторяющиеся события словами (js/recurrence.js). $rule — правило, сказанное
# до этого («Каждые 2 недели»), каждое сообщение добавляет к нему одну часть.

## Как часто
recurrence-daily = Ежедневно
recurrence-every-days = { $interval ->
    [one] Каждый { $interval } день
    [few] Каждые { $interval } дня
    [many] Каждые { $interval } дней
   *[other] Каждые { $interval } дня
}
recurrence-weekly = Каждую неделю
recurrence-every-weeks = { $interval ->
    [one] Каждую { $interval } неделю
    [few] Каждые { $interval } недели
    [many] Каждые { $interval } недель
   *[other] Каждые { $interval } недели
}
recurrence-monthly = Каждый месяц
recurrence-every-months = { $interval ->
    [one] Каждый { $interval } месяц
    [few] Каждые { $interval } месяца
    [many] Каждые { $interval } месяцев
   *[other] Каждые { $interval } месяца
}
recurrence-yearly = Каждый год
recurrence-every-years = { $interval ->
    [one] Каждый { $interval } год
    [few] Каждые { $interval } года
    [many] Каждые { $interval } лет
   *[other] Каждые { $interval } года
}
recurrence-hourly = Каждый час
recurrence-every-hours = { $interval ->
    [one] Каждый { $interval } час
    [few] Каждые { $interval } часа
    [many] Каждые { $interval } часов
   *[other] Каждые { $interval } часа
}
recurrence-minutely = Каждую минуту
recurrence-every-minutes = { $interval ->
    [one] Каждую { $interval } минуту
    [few] Каждые { $interval } минуты
    [many] Каждые { $interval } минут
   *[other] Каждые { $interval } минуты
}
recurrence-secondly = Каждую секунду
recurrence-every-seconds = { $interval ->
    [one] Каждую { $interval } секунду
    [few] Каждые { $interval } секунды
    [many] Каждые { $interval } секунд
   *[other] Каждые { $interval } секунды
}
recurrence-weekdays = По будним дням

## По каким дням
recurrence-on-days = { $rule }: { $days }
recurrence-on-nth = { $rule }: { $when }
recurrence-on-nth-of-month = { $rule }: { $when } { $month }
# Порядковое числительное согласуется с родом дня недели: среда, пятница, суббота — женский,
# воскресенье — средний.
recurrence-nth-weekday = { $day ->
    [WE] { $nth ->
        [1] первая
        [2] вторая
        [3] третья
        [4] четвёртая
        [5] пятая
        [-1] последняя
        [-2] предпоследняя
       *[other] { $nth }-я
    }
    [FR] { $nth ->
        [1] первая
        [2] вторая
        [3] третья
        [4] четвёртая
        [5] пятая
        [-1] последняя
        [-2] предпоследняя
       *[other] { $nth }-я
    }
    [SA] { $nth ->
        [1] первая
        [2] вторая
        [3] третья
        [4] четвёртая
        [5] пятая
        [-1] последняя
        [-2] предпоследняя
       *[other] { $nth }-я
    }
    [SU] { $nth ->
        [1] первое
        [2] второе
        [3] третье
        [4] четвёртое
        [5] пятое
        [-1] последнее
        [-2] предпоследнее
       *[other] { $nth }-е
    }
   *[other] { $nth ->
        [1] первый
        [2] второй
        [3] третий
        [4] четвёртый
        [5] пятый
        [-1] последний
        [-2] предпоследний
       *[other] { $nth }-й
    }
} { $weekday }
recurrence-on-month-days = { $count ->
    [one] { $rule }, { $days }-го числа
   *[other] { $rule }, числа: { $days }
}
recurrence-on-last-day = { $rule }, в последний день месяца
recurrence-on-date = { $rule }: { $date }
recurrence-in-months = { $rule }, месяцы: { $months }
recurrence-on-year-days = { $count ->
    [one] { $rule }, { $days }-й день года
   *[other] { $rule }, дни года: { $days }
}
recurrence-in-weeks = { $count ->
    [one] { $rule }, { $weeks }-я неделя года
   *[other] { $rule }, недели года: { $weeks }
}
recurrence-setpos = { $rule } (по счёту: { $positions })
recurrence-position = { $nth ->
    [1] первый
    [2] второй
    [3] третий
    [4] четвёртый
    [5] пятый
    [-1] последний
    [-2] предпоследний
   *[other] { $nth }-й
}
recurrence-at-times = { $rule } в { $times }
recurrence-raw = { $rule } ({ $parts })

## Когда заканчивается
recurrence-until = { $rule } до { $date }
recurrence-count = { $rule }, { $count ->
    [one] { $count } раз
    [few] { $count } раза
    [many] { $count } раз
   *[other] { $count } раза
}
recurrence-unreadable = Повторяется ({ $rule })

# مینی‌اپ: رویدادهای تکراری به زبان ساده (js/recurrence.js). ‎$rule‎ قاعده تا آن‌جاست
# («هر ۲ هفته»)؛ هر پیام یک بخش به آن اضافه می‌کند.

## هر چند وقت
recurrence-daily = هر روز
recurrence-every-days = { $interval ->
   *[other] هر { $interval } روز
}
recurrence-weekly = هر هفته
recurrence-every-weeks = { $interval ->
   *[other] هر { $interval } هفته
}
recurrence-monthly = هر ماه
recurrence-every-months = { $interval ->
   *[other] هر { $interval } ماه
}
recurrence-yearly = هر سال
recurrence-every-years = { $interval ->
   *[other] هر { $interval } سال
}
recurrence-hourly = هر ساعت
recurrence-every-hours = { $interval ->
   *[other] هر { $interval } ساعت
}
recurrence-minutely = هر دقیقه
recurrence-every-minutes = { $interval ->
   *[other] هر { $interval } دقیقه
}
recurrence-secondly = هر ثانیه
recurrence-every-seconds = { $interval ->
   *[other] هر { $interval } ثانیه
}
recurrence-weekdays = دوشنبه تا جمعه

## چه روزهایی
recurrence-on-days = { $rule }، { $days }
recurrence-on-nth = { $rule }، { $when }
recurrence-on-nth-of-month = { $rule }، { $when } { $month }
recurrence-nth-weekday = { $day ->
   *[other] { $weekday }
} { $nth ->
    [1] اول
    [2] دوم
    [3] سوم
    [4] چهارم
    [5] پنجم
    [-1] آخر
    [-2] یکی مانده به آخر
   *[other] شمارهٔ { $nth }
}
recurrence-on-month-days = { $count ->
   *[other] { $rule }، روز { $days } ماه
}
recurrence-on-last-day = { $rule }، روز آخر ماه
recurrence-on-date = { $rule }، { $date }
recurrence-in-months = { $rule } در { $months }
recurrence-on-year-days = { $count ->
   *[other] { $rule }، روز { $days } سال
}
recurrence-in-weeks = { $count ->
   *[other] { $rule }، هفتهٔ { $weeks } سال
}
recurrence-setpos = { $rule }، فقط { $positions }
recurrence-position = { $nth ->
    [1] اولی
    [2] دومی
    [3] سومی
    [4] چهارمی
    [5] پنجمی
    [-1] آخری
    [-2] یکی مانده به آخر
   *[other] شمارهٔ { $nth }
}
recurrence-at-times = { $rule } ساعت { $times }
recurrence-raw = { $rule } ({ $parts })

## کی تمام می‌شود
recurrence-until = { $rule } تا { $date }
recurrence-count = { $rule }، { $count ->
   *[other] { $count } بار
}
recurrence-unreadable = تکرار می‌شود ({ $rule })

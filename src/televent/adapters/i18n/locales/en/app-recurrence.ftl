# The Mini App: repeating events told in words (js/recurrence.js), on the event card and in the
# form. Each message below the first group wraps what came before it: $rule is the rule so far
# ("Every 2 weeks"), and a message adds one part to it ("on Mon, Wed, Fri").

## How often: $interval is the number of days, weeks... between occurrences (2 and more)
recurrence-daily = Daily
recurrence-every-days = { $interval ->
    [one] Every { $interval } day
   *[other] Every { $interval } days
}
recurrence-weekly = Every week
recurrence-every-weeks = { $interval ->
    [one] Every { $interval } week
   *[other] Every { $interval } weeks
}
recurrence-monthly = Every month
recurrence-every-months = { $interval ->
    [one] Every { $interval } month
   *[other] Every { $interval } months
}
recurrence-yearly = Every year
recurrence-every-years = { $interval ->
    [one] Every { $interval } year
   *[other] Every { $interval } years
}
recurrence-hourly = Every hour
recurrence-every-hours = { $interval ->
    [one] Every { $interval } hour
   *[other] Every { $interval } hours
}
recurrence-minutely = Every minute
recurrence-every-minutes = { $interval ->
    [one] Every { $interval } minute
   *[other] Every { $interval } minutes
}
recurrence-secondly = Every second
recurrence-every-seconds = { $interval ->
    [one] Every { $interval } second
   *[other] Every { $interval } seconds
}
# Every week on Monday to Friday
recurrence-weekdays = Every weekday

## On which days. $days: short weekday names in a list ("Mon, Wed, Fri").
recurrence-on-days = { $rule } on { $days }
# $when: one or more of recurrence-nth-weekday ("the second Tuesday")
recurrence-on-nth = { $rule } on { $when }
# $month: the month's name as it reads after a day ("of November")
recurrence-on-nth-of-month = { $rule } on { $when } of { $month }
# $nth: 1 to 5 counts from the month's start, -1 is the last, -2 the one before it.
# $weekday: the weekday's name; $day: its code (MO, TU, WE, TH, FR, SA, SU), for languages
# whose ordinals agree with the weekday's gender.
recurrence-nth-weekday = the { $nth ->
    [1] first
    [2] second
    [3] third
    [4] fourth
    [5] fifth
    [-1] last
    [-2] second-to-last
   *[other] no. { $nth }
} { $day ->
   *[other] { $weekday }
}
# $days: day numbers of the month ("1 and 15"); $count: how many
recurrence-on-month-days = { $count ->
    [one] { $rule } on day { $days }
   *[other] { $rule } on days { $days }
}
recurrence-on-last-day = { $rule } on the last day
# $date: a day and month ("23 November")
recurrence-on-date = { $rule } on { $date }
# $months: month names in a list ("January and July")
recurrence-in-months = { $rule } in { $months }
# $days: days of the year ("1 and 100"); $count: how many
recurrence-on-year-days = { $count ->
    [one] { $rule } on day { $days } of the year
   *[other] { $rule } on days { $days } of the year
}
# $weeks: week numbers of the year; $count: how many
recurrence-in-weeks = { $count ->
    [one] { $rule } in week { $weeks }
   *[other] { $rule } in weeks { $weeks }
}
# Only some of the days the rule names, in each period: $positions lists recurrence-position
recurrence-setpos = { $rule }, only the { $positions }
recurrence-position = { $nth ->
    [1] first
    [2] second
    [3] third
    [4] fourth
    [5] fifth
    [-1] last
    [-2] second-to-last
   *[other] no. { $nth }
}
# $times: times of day in a list ("9:00 AM and 5:00 PM")
recurrence-at-times = { $rule } at { $times }
# Parts of a rule there are no words for, as written ("BYSECOND=5")
recurrence-raw = { $rule } ({ $parts })

## When it ends
# $date: the last day ("30 Jun")
recurrence-until = { $rule } until { $date }
recurrence-count = { $rule }, { $count ->
    [one] once
   *[other] { $count } times
}
# A rule that cannot be read at all, as written
recurrence-unreadable = Repeats ({ $rule })

# Mini App: acara berulang dalam kata-kata (js/recurrence.js). $rule adalah aturan sejauh ini
# („Setiap 2 minggu“); setiap pesan menambahkan satu bagian.

## Seberapa sering
recurrence-daily = Setiap hari
recurrence-every-days = { $interval ->
   *[other] Setiap { $interval } hari
}
recurrence-weekly = Setiap minggu
recurrence-every-weeks = { $interval ->
   *[other] Setiap { $interval } minggu
}
recurrence-monthly = Setiap bulan
recurrence-every-months = { $interval ->
   *[other] Setiap { $interval } bulan
}
recurrence-yearly = Setiap tahun
recurrence-every-years = { $interval ->
   *[other] Setiap { $interval } tahun
}
recurrence-hourly = Setiap jam
recurrence-every-hours = { $interval ->
   *[other] Setiap { $interval } jam
}
recurrence-minutely = Setiap menit
recurrence-every-minutes = { $interval ->
   *[other] Setiap { $interval } menit
}
recurrence-secondly = Setiap detik
recurrence-every-seconds = { $interval ->
   *[other] Setiap { $interval } detik
}
recurrence-weekdays = Setiap hari kerja (Sen–Jum)

## Hari apa saja
recurrence-on-days = { $rule } pada { $days }
recurrence-on-nth = { $rule } pada { $when }
recurrence-on-nth-of-month = { $rule } pada { $when } bulan { $month }
recurrence-nth-weekday = { $day ->
   *[other] { $weekday }
} { $nth ->
    [1] pertama
    [2] kedua
    [3] ketiga
    [4] keempat
    [5] kelima
    [-1] terakhir
    [-2] kedua dari terakhir
   *[other] ke-{ $nth }
}
recurrence-on-month-days = { $count ->
   *[other] { $rule } pada tanggal { $days }
}
recurrence-on-last-day = { $rule } pada hari terakhir bulan itu
recurrence-on-date = { $rule } pada { $date }
recurrence-in-months = { $rule } pada bulan { $months }
recurrence-on-year-days = { $count ->
   *[other] { $rule } pada hari ke-{ $days } dalam setahun
}
recurrence-in-weeks = { $count ->
   *[other] { $rule } pada minggu ke-{ $weeks }
}
recurrence-setpos = { $rule }, hanya yang { $positions }
recurrence-position = { $nth ->
    [1] pertama
    [2] kedua
    [3] ketiga
    [4] keempat
    [5] kelima
    [-1] terakhir
    [-2] kedua dari terakhir
   *[other] ke-{ $nth }
}
recurrence-at-times = { $rule } pukul { $times }
recurrence-raw = { $rule } ({ $parts })

## Kapan berakhir
recurrence-until = { $rule } sampai { $date }
recurrence-count = { $rule }, { $count ->
   *[other] { $count } kali
}
recurrence-unreadable = Berulang ({ $rule })

# The calendar screen: its toolbar, the views and the grid's own words (index.html,
# js/calendar.js, js/ui.js).
calendar-label = Kalender
calendar-previous = Periode sebelumnya
calendar-next = Periode berikutnya
calendar-new-event = Acara baru
calendar-today = Hari ini
calendar-views = Tampilan
calendar-view-month = Bulan
calendar-view-week = Minggu
calendar-view-3day = 3 hari
calendar-view-day = Hari
calendar-view-agenda = Agenda
calendar-no-title = (tanpa judul)
calendar-nothing-planned = Tidak ada rencana
calendar-all-day = sepanjang hari
# Events a day of the month hides, behind a link.
calendar-more = { $count } lagi
calendar-all-day-when = { $days }, sepanjang hari
# Above the grid, when the server could not list everything in the period shown.
calendar-unreadable = { $count } acara tidak bisa ditampilkan: datanya tidak bisa dibaca.
calendar-incomplete = Sebuah acara berulang terlalu sering untuk ditampilkan semuanya di tampilan ini; tampilan yang lebih pendek menampilkan semuanya.
calendar-incomplete-day = Sebuah acara berulang terlalu sering untuk ditampilkan semuanya: 1.000 kejadian pertama hari itu ditampilkan.
calendar-too-many = Acara lebih banyak daripada yang muat dalam satu tampilan: 10.000 yang paling awal ditampilkan; tampilan yang lebih pendek menampilkan semuanya.
calendar-too-many-day = Acara lebih banyak daripada yang muat dalam satu tampilan: 10.000 yang paling awal hari ini ditampilkan.
main-cancel = Batal

# The Mini App: importing an .ics file into a calendar, on its people screen (docs/adr/0024).
app-import-title = Impor acara dari berkas
app-import-hint = Berkas .ics dari aplikasi kalender lain atau situs web: acaranya ditambahkan ke kalender ini. Tidak ada yang diundang atau diberi tahu.
app-import-choose = Pilih berkas (.ics)
app-import-working = Mengimpor…
app-import-too-large = Berkas ini { $size } MB; paling banyak { $limit } MB bisa diimpor sekaligus.

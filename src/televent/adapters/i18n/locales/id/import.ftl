# Importing a calendar file (the bot, the API; docs/adr/0024).
import-result = Diimpor: { $imported }. Diperbarui: { $updated }. Sudah ada: { $unchanged }. Dilewati: { $skipped }.
import-skipped = “{ $summary }” dilewati: { $reason }
import-skipped-more = …dan { $count } lagi dilewati.
import-left-kind = bukan jenis item yang disimpan kalender ini
import-left-mixed = UID-nya menamai dua jenis item
import-left-repeated = UID-nya muncul lagi nanti di dalam berkas
import-left-invalid = datanya tidak bisa dibaca ({ $detail })
import-left-name = acara lain sudah memakai namanya
refusal-import-too-large = Berkas ini { $size } MB; paling banyak { $limit } MB bisa diimpor sekaligus.
refusal-import-too-many = Berkas ini berisi { $count } acara; paling banyak { $limit } bisa diimpor sekaligus.
refusal-import-not-ics = Ini bukan berkas kalender (.ics).
refusal-import-nothing = Tidak ada yang bisa diimpor dari berkas ini. { import-skipped }
refusal-import-empty = Berkas ini tidak berisi acara.
api-detail-not-calendar = Isi permintaan harus berkas iCalendar (Content-Type: text/calendar).
bot-import-done = 📥 Diimpor ke “{ $calendar }”. Tidak ada yang diundang atau diberi tahu.
bot-import-not-ics = Kirim berkas kalender (.ics) dan aku akan mengimpor acaranya ke kalendermu.

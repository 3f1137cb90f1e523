# Mini App: berpindah layar, menyimpan dan menghapus acara, galat, layar masuk, dan pengingat
# milik acara itu sendiri (js/app.js, js/api.js, js/reminders.js).
main-back = Kembali
main-back-calendar = Kalender
main-save = Simpan
main-created = Acara dibuat
main-saved = Tersimpan
main-delete = Hapus
main-delete-question = Hapus “{ $title }”?
main-deleted = Dihapus
main-moved = Dipindahkan
main-accept-first = Terima undangannya untuk melihat kalender ini.
main-calendar-unavailable = Kalender ini tidak tersedia untukmu.
main-error-changed = Acara ini diubah di tempat lain; sudah dimuat ulang.
main-error-offline = Televent tidak bisa dijangkau. Periksa koneksimu.
main-error-status = Server menjawab { $status }.
main-login-title = Selamat datang di Televent
main-login-how = Buka Televent dari bot, atau kirim /app ke bot untuk mendapat tautan masuk.

# Pengingat milik sebuah acara, di kartunya dan di formulir.
reminders-legend = Pengingat
reminders-none-choice = Tidak ada
reminders-at-start = Saat mulai
reminders-at-end = Saat selesai
reminders-before = { $duration } sebelumnya
reminders-after = { $duration } setelah mulai
reminders-before-end = { $duration } sebelum selesai
reminders-after-end = { $duration } setelah selesai
reminders-at-moment = Pada { $moment }
reminders-minutes = { $count } menit
reminders-hours = { $count } jam
reminders-days = { $count } hari
reminders-weeks = { $count } minggu
reminders-seconds = { $count } detik
reminders-list = { $count ->
   *[other] Pengingat
}: { $reminders }
reminders-none = Tanpa pengingat
reminders-default = Pengingat: { $reminder } (sesuai pengaturanmu)
reminders-off = Tanpa pengingat: pengingat dimatikan di pengaturanmu
reminders-hint-default = Tidak ada yang dicentang: pengingat biasamu, { $reminder }.
reminders-hint-off = Pengingat dimatikan di pengaturanmu, jadi tidak ada yang dikirim.
reminders-hint-ignored = Pengaturanmu mengabaikan pengingat milik acara: setiap acara mengingatkanmu { $reminder }.
# A time field (js/timefield.js) holding something that is not a time.
time-field-invalid = { $field }: tulis jam, misalnya { $example }.

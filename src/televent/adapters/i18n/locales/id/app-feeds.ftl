# The Mini App: a calendar published as a feed, on its people screen (docs/adr/0022).
feeds-title = Berlangganan di aplikasi kalender lain
feeds-hint = Tautan rahasia yang bisa dilanggan Google Calendar, Outlook, atau Kalender Apple. Siapa pun yang punya tautan ini bisa melihat kalender ini.
feeds-busy-only = Hanya waktu sibuk (tanpa judul atau detail)
feeds-publish = Terbitkan sebagai tautan
feeds-publish-again = Tautan baru (yang lama berhenti berfungsi)
feeds-published = Diterbitkan sebagai tautan.
feeds-published-busy = Diterbitkan sebagai tautan, hanya waktu sibuk.
feeds-not-published = Belum diterbitkan.
feeds-link = Tautan
feeds-copy = Salin tautan
feeds-copied = Tautan disalin
feeds-once = Salin sekarang: tautan hanya ditampilkan sekali ini.
feeds-stop = Berhenti menerbitkan
feeds-stop-question = Berhenti menerbitkan “{ $name }”? Aplikasi yang berlangganan tautan ini tidak akan menerimanya lagi.
feeds-stopped = Tautan sudah tidak berfungsi.

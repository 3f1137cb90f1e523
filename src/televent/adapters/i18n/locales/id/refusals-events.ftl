# Penolakan seputar orang yang diundang dan jawaban mereka, serta aturan pengulangan
# (TeleventError.worded): di kolom detail JSON API dan di Mini App.

## Orang yang diundang dan jawaban

refusal-events-invitee-no-user = { $invitee } belum ada di Televent: minta dia mengirim /start ke bot, atau undang lewat email.
refusal-events-invitee-not-started = Pengguna Telegram { $invitee } belum memulai bot: minta dia mengirim /start ke bot, atau undang lewat email.
refusal-events-invitee-unreadable = “{ $invitee }” bukan @username, id Telegram, atau alamat email.
refusal-events-invitee-control-characters = Orang yang diundang tidak boleh ditulis dengan karakter kontrol.
refusal-events-attendees-no-user = { $invitee } belum ada di Televent: minta dia mengirim /start ke bot, atau undang lewat email.
refusal-events-attendees-not-started = Pengguna Telegram { $invitee } belum memulai bot: minta dia mengirim /start ke bot, atau undang lewat email.
refusal-events-attendees-unreadable = “{ $invitee }” bukan @username, id Telegram, atau alamat email.
refusal-events-attendees-control-characters = Orang yang diundang tidak boleh ditulis dengan karakter kontrol.
refusal-events-invitee-missing = Sebutkan siapa yang kamu undang: @username, id Telegram, atau alamat email.
refusal-events-invitee-name = Nama orang yang diundang harus berupa teks.
refusal-events-invitee-yourself = Itu kamu sendiri: kamu penyelenggara acara ini.
refusal-events-invitee-organizer = Orang itu adalah penyelenggara acara ini.
refusal-events-attendees-list = Yang diundang harus berupa daftar berisi paling banyak { $most } orang.
refusal-events-attendees-item = Setiap orang yang diundang berupa @username, id Telegram, atau alamat email.
refusal-events-attendee-whom = Sebutkan peserta yang mau dihapus.
refusal-events-attendee-unknown = { $address } bukan peserta acara ini.
refusal-events-rsvp-status = Jawab dengan accepted, tentative, atau declined.
refusal-events-rsvp-occurrence = Sebutkan satu pengulangan dengan recurrence_id-nya.

## Aturan pengulangan (RRULE) dan pengulangan dalam satu rangkaian

refusal-events-rule-too-often = “{ $rule }” berulang lebih sering dari sekali sejam; acara berulang paling sering tiap jam.
refusal-events-rule-interval = Dalam “{ $rule }”, interval (INTERVAL) harus bilangan bulat minimal 1.
refusal-events-rule-never-matches = “{ $rule }” tidak menghasilkan satu tanggal pun dalam seratus tahun sejak awal acara: bagian-bagiannya tidak pernah cocok bersamaan.
refusal-events-rule-setpos-seconds = “{ $rule }” menggabungkan BYSETPOS dengan beberapa nilai BYSECOND; aturan seperti itu tidak disimpan Televent.
refusal-events-rule-too-dense = “{ $rule }” berulang lebih dari { $most } kali dalam satu jam; acara tidak berulang lebih sering dari itu.
refusal-events-rule-unexpandable = Pengulangan acara ini tidak bisa dihitung dari aturan dan pengecualiannya.
refusal-events-rule-whole-series = Aturan pengulangan berlaku untuk seluruh rangkaian; hapus occurrence.
refusal-events-no-series = Acara ini bukan rangkaian yang bisa dikurangi satu pengulangannya.
refusal-events-occurrence-form = { $kind ->
    [date] Pengulangan rangkaian ini disebut dengan tanggal (YYYY-MM-DD).
   *[time] Pengulangan rangkaian ini disebut dengan tanggal dan waktu.
}

## Kolom-kolom acara (POST dan PATCH /events, formulir acara di Mini App)

refusal-events-field-unknown = Kolom “{ $field }” tidak dikenal atau tidak bisa diubah.
refusal-events-field-true-or-false = Kolom “{ $field }” harus bernilai true atau false.
refusal-events-field-null = Kolom “{ $field }” tidak boleh null.
refusal-events-field-text = Kolom “{ $field }” harus berupa teks.
refusal-events-field-control-characters = Kolom “{ $field }” berisi karakter kontrol (hanya tab dan baris baru yang diperbolehkan).
refusal-events-moment = “{ $given }” untuk { $field ->
    [start] waktu mulai
    [end] waktu selesai
    [occurrence] pengulangan
   *[other] “{ $field }”
} bukan tanggal (YYYY-MM-DD) maupun tanggal dan waktu RFC 3339.
refusal-events-moment-form = { $kind ->
    [date] { $field ->
        [start] Waktu mulai
       *[other] Waktu selesai
    } acara sepanjang hari adalah tanggal (YYYY-MM-DD) tanpa jam.
   *[time] { $field ->
        [start] Waktu mulai
       *[other] Waktu selesai
    } acara dengan jam adalah tanggal beserta jamnya.
}
refusal-events-start-required = Tentukan kapan acara dimulai.
refusal-events-start-for-time = Jika acara sepanjang hari diberi jam, tentukan juga kapan acara dimulai.
refusal-events-not-an-event = Itu bukan acara.

## Daftar acara (GET /events) dan rentang daftar lain (/bookings, waktu kosong di halaman pemesanan)

refusal-events-window-bound = { $field ->
    [start] Sebutkan mulai kapan daftarnya (start, dalam RFC 3339, misalnya 2026-03-02T00:00:00Z).
   *[other] Sebutkan sampai kapan daftarnya (end, dalam RFC 3339, misalnya 2026-03-02T00:00:00Z).
}
refusal-events-window-backwards = Akhir rentang harus sesudah awalnya.
refusal-events-window-too-long = Satu rentang paling panjang { $days } hari; minta rentang berikutnya sesudah itu.
refusal-events-cursor-other-query = Cursor ini milik kueri lain (start, end, calendar, q).
refusal-events-cursor-unknown = Cursor ini bukan dari daftar ini.
refusal-events-calendar-not-yours = Itu bukan salah satu kalendermu (sebutkan id atau slug-nya).

## Menulis acara lewat API (POST dan PATCH /events)

refusal-events-no-calendar = Kamu tidak punya kalender untuk menaruh acara ini.
refusal-events-calendar-form = Sebutkan kalendernya dengan id atau slug.
refusal-events-calendar-move = Di sini acara tidak bisa dipindah ke kalender lain.
refusal-events-attendees-elsewhere = Orang yang diundang diubah lewat /api/v1/events/{"{"}id{"}"}/attendees.
refusal-events-range-value = range berisi thisandfuture atau tidak ditulis.
refusal-events-range-occurrence = Bersama range, sebutkan juga pengulangan tempat ia mulai berlaku (?occurrence=).
refusal-events-data-unreadable = Data iCalendar acara ini yang tersimpan tidak bisa dibaca: { $reason }

## Pengingat milik acara itu sendiri (reminders, di POST dan PATCH /events)

refusal-events-reminders-list = Kolom “{ $field }” berupa daftar paling banyak { $most } pengingat, atau null.
refusal-events-reminders-item = Setiap pengingat di “{ $field }” berupa jumlah menit sebelum mulai, atau TRIGGER seperti yang ditampilkan.
refusal-events-reminder-too-far = Pengingat di “{ $field }” paling jauh { $most } menit dari waktu mulai.
refusal-events-reminder-trigger = “{ $given }” di “{ $field }” bukan TRIGGER seperti RELATED=END:-PT15M.

invitee-no-user = belum ada di Televent: minta dia mengirim /start ke bot, atau undang lewat email.
invitee-not-started = pengguna Telegram ini belum memulai bot: minta dia mengirim /start ke bot, atau undang lewat email.
invitee-unreadable = bukan @username, id Telegram, atau alamat email.

refusal-data-end-before-start = berakhir (DTEND) sebelum dimulai (DTSTART).
refusal-data-too-many-attendees = pesertanya lebih dari { $most }.
refusal-data-no-uid = tidak punya UID.
refusal-data-unparsable = teksnya bukan iCalendar.
refusal-data-value = { $property }-nya tidak bisa dibaca.
refusal-data-line = salah satu barisnya tidak bisa dibaca.
refusal-data-nul = berisi karakter NUL, yang tidak boleh ada dalam data kalender.
refusal-data-too-long = { $property }-nya lebih panjang dari 100 tahun yang disimpan Televent.
refusal-data-zone-rules = salah satu zona waktunya punya aturan yang tidak bisa dibaca Televent dengan aman.
refusal-data-two-series = punya lebih dari satu bagian untuk seluruh seri (tanpa RECURRENCE-ID).
refusal-data-instance-twice = dua bagiannya mengubah kejadian yang sama (RECURRENCE-ID).
refusal-data-some-value = salah satu nilainya tidak bisa dibaca.
refusal-data-alarm-no-trigger = salah satu pengingatnya (VALARM) tidak punya TRIGGER.
refusal-data-wrong-kind = Kalender ini tidak menyimpan { $kind ->
    [VEVENT] acara
    [VTODO] tugas
   *[other] catatan
}; pilih kalender lain.

## Email dari Televent: pengingat, agenda pagi, pemberitahuan, undangan, pemesanan,
## email berisi kode, dan halaman berhenti berlangganan.

## Ringkasan acara dalam email

mail-label-when = Kapan
mail-label-where = Di mana
mail-label-organizer = Penyelenggara
mail-label-guests = Tamu
mail-field = { $label }: { $value }
mail-list-heading = { $label }:
mail-no-title = (tanpa judul)
mail-no-time = belum ada waktu
mail-someone = Seseorang
mail-the-organizer = Penyelenggara
mail-all-day = sepanjang hari
mail-when-all-day = { $day } (sepanjang hari)
mail-day-and-time = { $day }, { $time }
mail-time-range = { $start }–{ $end }
mail-in-zone = { $when } ({ $zone })
mail-one-occurrence = { $text } (satu kali ini)

## Pengingat

mail-reminder-subject = Pengingat: { $title } @ { $when }
mail-reminder-now = { $title } dimulai sekarang
mail-reminder-soon = { $title } segera dimulai
mail-reminder-minutes = { $title } dimulai dalam { $count } menit
mail-reminder-hours = { $title } dimulai dalam { $count } jam
mail-reminder-days = { $title } dimulai dalam { $count } hari

## Undangan, perubahan, dan jawaban

mail-invitation-subject = Undangan: { $title } @ { $when }
mail-invitation-headline = { $organizer } mengundang Anda
mail-invitation-update-subject = Undangan diperbarui: { $title } @ { $when }
mail-invitation-update-headline = { $organizer } mengubah pertemuan; silakan periksa detailnya
mail-cancelled-subject = Dibatalkan: { $title } @ { $when }
mail-cancelled-headline = Penyelenggara membatalkan pertemuan
mail-uninvited-subject = Dikeluarkan: { $title } @ { $when }
mail-uninvited-headline = Anda dikeluarkan dari pertemuan
mail-answer-in-app = Jawab di Telegram, atau di aplikasi kalender: { $url }
mail-rsvp =
    { $status ->
        [accepted] { $who } menerima
        [declined] { $who } menolak
        [tentative] { $who } mungkin hadir
        [delegated] { $who } mendelegasikan undangan
       *[other] { $who } menjawab
    }
mail-rsvp-subject = { $answer }: { $title } @ { $when }
mail-imip-invite-headline = { $who } mengundang Anda ke { $title }
mail-imip-update-headline = { $who } memperbarui { $title }
mail-imip-cancel-headline = { $who } membatalkan { $title }
mail-imip-declinecounter-headline = { $who } tetap memakai waktu { $title }
mail-imip-declinecounter-subject = Usulan ditolak: { $title } @ { $when }

## Pemesanan lewat tautan seseorang

mail-booking-with = { $title } dengan { $name }
mail-booked-subject = Dipesan: { $meeting } @ { $when }
mail-booked-headline = { $name } memesan waktu dengan Anda
mail-booking-cancelled-subject = Pemesanan dibatalkan: { $meeting } @ { $when }
mail-booking-cancelled-headline = { $name } membatalkan
mail-booking-moved-subject = Pemesanan dipindah: { $meeting } @ { $when }
mail-booking-moved-headline = { $name } memindahkan pemesanan
mail-booking-reason = Alasan: { $reason }
mail-booking-was = Sebelumnya: { $when }
mail-booking-email = Email: { $email }
mail-visitor-moved-subject = Dipindah: { $meeting } @ { $when }
mail-visitor-manage = Batalkan atau jadwalkan ulang: { $url }

## Agenda pagi

mail-agenda-subject = Hari Anda: { $day }
mail-agenda-intro = Hari Anda, { $day } ({ $zone })
mail-agenda-empty = Tidak ada rencana hari ini.
mail-agenda-unreadable = ({ $count } acara tidak dapat ditampilkan)
mail-agenda-conflicts = (!) menandai acara yang bertabrakan.
mail-agenda-conflict = (!) { $when }
mail-agenda-at = di { $location }
mail-agenda-repeats = berulang
mail-agenda-awaiting = menunggu jawaban Anda

## Mengapa email ini datang

mail-footer-why =
    { $kind ->
        [reminders] Anda menerima pengingat lewat email karena memilihnya di pengaturan Televent.
        [agenda] Anda menerima agenda pagi lewat email karena memilihnya di pengaturan Televent.
       *[notices] Anda menerima pemberitahuan tentang acara Anda lewat email karena memilihnya di pengaturan Televent.
    }
mail-footer-stop = Berhenti menerima email ini: { $url }
mail-footer-settings = Ubah dengan /settings di bot, atau di aplikasi kalender.

## Kode untuk menautkan email

mail-code-subject = Kode Televent Anda: { $code }
mail-code-someone = Seorang pengguna Televent
mail-code-asked = { $who } meminta untuk menautkan { $address } ke akun Televent miliknya. Untuk melakukannya, berikan kode ini kepada Televent (di bot: /email { $code }) dalam { $minutes } menit.
mail-code-ignore = Jika itu bukan Anda, abaikan email ini: tidak ada yang ditautkan tanpa kode.

## Halaman tautan berhenti berlangganan

mail-unsubscribe-page-title = Televent: email
mail-unsubscribe-not-found = Tautan berhenti berlangganan ini tidak berlaku (lagi). Atur apa yang Anda terima lewat email dengan /settings di bot Televent.
mail-unsubscribe-confirm =
    { $kind ->
        [reminders] Berhenti mengirim pengingat untuk { $name } lewat email? Telegram dan email lainnya tetap seperti semula.
        [agenda] Berhenti mengirim agenda pagi untuk { $name } lewat email? Telegram dan email lainnya tetap seperti semula.
       *[notices] Berhenti mengirim pemberitahuan untuk { $name } lewat email? Telegram dan email lainnya tetap seperti semula.
    }
mail-unsubscribe-button =
    { $kind ->
        [reminders] Berhenti berlangganan pengingat
        [agenda] Berhenti berlangganan agenda pagi
       *[notices] Berhenti berlangganan pemberitahuan
    }
mail-unsubscribe-done =
    { $kind ->
        [reminders] Selesai: pengingat untuk { $name } tidak lagi dikirim lewat email. Aktifkan lagi dengan /settings di bot Televent, atau di aplikasi kalender.
        [agenda] Selesai: agenda pagi untuk { $name } tidak lagi dikirim lewat email. Aktifkan lagi dengan /settings di bot Televent, atau di aplikasi kalender.
       *[notices] Selesai: pemberitahuan untuk { $name } tidak lagi dikirim lewat email. Aktifkan lagi dengan /settings di bot Televent, atau di aplikasi kalender.
    }

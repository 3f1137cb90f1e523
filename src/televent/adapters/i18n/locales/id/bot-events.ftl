## Acara di bot: waktu, jawaban, kartu, pemberitahuan dan pengingat, /create, /event, /invite,
## /rsvp dan /cancel, dan yang dikatakannya saat tidak bisa membaca tanggal.

## Waktu acara ($day, $first, $last: "Sen, 2 Mar"; $time, $start, $end: "16.00")

bot-when-none = tanpa tanggal
bot-all-day = sepanjang hari
bot-when-all-day = { $day }, sepanjang hari
bot-when-all-days = { $first } – { $last }, sepanjang hari
bot-day-and-time = { $day }, { $time }
bot-time-range = { $start }–{ $end }
bot-time-until-day = { $start } – { $last }, { $end }
bot-quote = “{ $text }”

## Jawaban undangan

bot-answer =
    { $answer ->
        [accepted] ✅ diterima
        [tentative] ❔ mungkin
        [declined] ❌ ditolak
        [delegated] ↪️ didelegasikan
       *[other] ⏳ belum dijawab
    }
bot-your-answer = Jawabanmu: { $answer }
bot-button-accept = ✅ Terima
bot-button-tentative = ❔ Mungkin
bot-button-decline = ❌ Tolak
bot-button-accept-time = ✅ Terima waktu baru
bot-button-keep-time = ❌ Tetap waktu lama
bot-button-add-calendar = ✅ Tambahkan ke kalenderku
bot-button-decline-calendar = ✖️ Tolak
bot-button-invite = ➕ Undang
bot-button-cancel-event = 🗑 Batalkan acara
bot-button-export = 📤 Ekspor
bot-button-open = 📅 Buka
bot-button-open-calendar = 📅 Buka kalender
bot-button-open-in-browser = 🌐 Buka di browser
bot-button-cancel-yes = Ya, batalkan
bot-button-keep-it = Tidak, biarkan
bot-button-erase-yes = Ya, hapus dataku
bot-button-earlier = ◀️ Sebelumnya
bot-button-later = Berikutnya ▶️
bot-button-save = ✅ Simpan
bot-button-discard = ✖️ Buang

## Kartu acara (/event) dan siapa yang diundang (/attendees)

bot-no-title = (tanpa judul)
bot-event-cancelled = ❌ DIBATALKAN: { $title }
bot-event-organizer = 👤 Penyelenggara: { $name }
bot-event-invited = 👥 { $count } diundang:
bot-event-id = id { $id }
bot-event-which = Acara yang mana? mis. { $command } — id ada di /list.
bot-event-ics-caption = Buka untuk menambahkan acara ke kalender lain.
bot-event-gone = Acara itu sudah tidak ada.
bot-event-not-an-id = “{ $text }” bukan id acara; id berbentuk seperti a1b2c3 (lihat /list).
bot-event-not-found = Tidak ada acara { $id } di kalendermu (id ada di /list).
bot-event-ambiguous = Beberapa acara berawalan { $id }; ketik id lebih panjang.
bot-attendees-none = Belum ada yang diundang ke <b>{ $title }</b>. Undang dengan { $command }
bot-attendees-head = <b>{ $title }</b> — { $count } diundang

## Kartu undangan dan pemberitahuan (untuk penerimanya, saat dikirim)

bot-card-invitation = 📨 <b>Undangan</b>
bot-card-updated = 🔄 <b>Undangan diperbarui</b> — silakan cek detail barunya
bot-card-from = 👤 Dari { $name }
bot-notice-an-event = sebuah acara
bot-notice-an-attendee = Seorang tamu
bot-notice-a-new-time = waktu baru
bot-notice-rsvp =
    { $answer ->
        [accepted] { $who } menerima <b>{ $title }</b>
        [tentative] { $who } mungkin hadir di <b>{ $title }</b>
        [declined] { $who } menolak <b>{ $title }</b>
        [needs-action] { $who } belum menjawab <b>{ $title }</b>
        [delegated] { $who } mendelegasikan <b>{ $title }</b>
       *[other] { $who } menjawab <b>{ $title }</b>
    }
bot-notice-one-occurrence = { $text } (satu kejadian)
bot-notice-cancelled = ❌ <b>{ $title }</b> ({ $when }) dibatalkan oleh penyelenggara.
bot-notice-uninvited = ➖ Kamu dikeluarkan dari <b>{ $title }</b> ({ $when }).
bot-notice-write-back-changed = ⚠️ Perubahanmu pada <b>{ $title }</b> ({ $when }) tidak sampai ke kalendermu yang lain: acara itu juga diubah di sana, dan versi itulah yang sekarang ditampilkan. Ubah lagi jika kamu masih menginginkannya.
bot-notice-write-back-deleted = ⚠️ Perubahanmu pada <b>{ $title }</b> ({ $when }) tidak sampai ke kalendermu yang lain: acara itu dihapus di sana, jadi di sini juga hilang.
bot-notice-counter = 🕑 { $who } mengusulkan waktu baru untuk <b>{ $title }</b>: { $proposed }
bot-notice-code-undelivered = ⚠️ Email berisi kodemu tidak dapat dikirim ke { $recipient }.
bot-notice-mail-undelivered =
    { $what ->
        [cancel] ⚠️ Email pembatalan <b>{ $title }</b> tidak dapat dikirim ke { $recipient }.
        [reply] ⚠️ Email jawaban untuk <b>{ $title }</b> tidak dapat dikirim ke { $recipient }.
       *[other] ⚠️ Email undangan <b>{ $title }</b> tidak dapat dikirim ke { $recipient }.
    }
bot-reminder-in = ⏰ <b>{ $title }</b> dimulai dalam { $minutes } menit
bot-reminder-now = ⏰ <b>{ $title }</b> dimulai sekarang
bot-reminder-soon = ⏰ <b>{ $title }</b> segera dimulai
bot-counter-accepted = ✅ <b>{ $title }</b> dipindah ke waktu yang diusulkan; semua orang diberi tahu.
bot-counter-declined = 👌 <b>{ $title }</b> tetap pada waktunya; pengusul diberi tahu.

## /create (contohnya harus terbaca sebagai baris /create dalam bahasa ini)

bot-create-example = /create Rapat tim, besok 15:00, 1 jam, Ruang 4
bot-create-ask-title = 📝 Apa nama acaranya? (/cancel untuk berhenti)
bot-create-title-length = Judul terdiri dari 1 sampai 200 karakter. Apa nama acaranya?
bot-create-ask-when = 🕒 Kapan? mis. <i>besok 15:00</i>, <i>jumat 9:30</i>, <i>25.12</i> (sepanjang hari)
bot-create-when-again = Kapan acaranya?
bot-create-ask-duration = ⏱ Berapa lama? mis. <i>1 jam</i>, <i>45 menit</i>, <i>30</i> (menit) — atau <i>lewati</i> untuk { $default }
bot-create-duration-again = Berapa lama acaranya?
bot-create-ask-location = 📍 Di mana? (atau <i>lewati</i>)
bot-create-ask-description = 📝 Ada catatan untuk deskripsi? (atau <i>lewati</i>)
bot-create-skip-words = lewati, tidak, tdk, nggak, tanpa, -
bot-create-confirm = Simpan acara ini?
bot-create-when-long = { $when } ({ $length })
bot-create-pending = Ketuk ✅ Simpan atau ✖️ Buang di kartu di atas (atau /cancel).
bot-create-discarded = Dibuang
bot-create-expired = Kartu itu sudah kedaluwarsa
bot-create-not-saved = ✖️ Tidak disimpan.
bot-create-saved-tap = Tersimpan ✅
bot-create-saved =
    ✅ Tersimpan!
    { $card }

    Undang orang: { $command }

## Yang dikatakan /create, /timezone, dan dialog saat tidak bisa membaca sesuatu (teks biasa)

bot-parse-no-date = Tolong beri tanggal, mis. “besok 15:00” atau “jumat 9:30”.
bot-parse-bad-date = Aku tidak bisa membaca tanggal di { $text }. Coba “besok 15:00” atau “jumat 9:30”.
bot-parse-too-far = { $text } terbaca sebagai { $date }, lebih dari lima tahun lagi. Salah ketik?
bot-parse-past = { $text } terbaca sebagai { $date }, yang sudah lewat.
bot-parse-bad-duration = Aku tidak bisa membaca durasi di { $text }. Coba “1 jam” atau “45 menit”.
bot-parse-duration-range = Durasi harus lebih dari nol dan paling lama 14 hari, bukan { $text }.
bot-parse-no-date-found = Aku tidak menemukan tanggalnya. Pakai koma, mis. “{ $example }”.
bot-parse-no-title = Acara butuh judul, mis. “{ $example }”.
bot-parse-when-missing = Kapan { $title }? Mis. “{ $example }”.
bot-parse-title-too-long = Judul itu terlalu panjang: paling banyak { $most } karakter.
bot-parse-all-day-length = Tanpa jam mulai, ini acara sepanjang hari, jadi durasinya harus hari penuh (“2 hari”). Atau tambahkan jam, mis. “25.12 18:00”.
bot-parse-zone-gone = Aku tidak mengenal zona waktu { $zone }; silakan atur lagi.
bot-parse-zone-whole-hours = Di sini hanya selisih jam bulat yang bisa dipakai; untuk { $text } ketik nama kota, mis. { $city }.
bot-parse-zone-nowhere = Tidak ada tempat di Bumi pada { $text }. Coba nama kota, mis. “Jakarta”.
bot-parse-zone-did-you-mean = Maksudmu { $names }?
bot-parse-zone-try-city = Coba nama kota seperti “Jakarta”.
bot-parse-zone-unknown = Aku tidak mengenal zona waktu { $zone }. { $hint } Nama seperti “Asia/Jakarta” dan selisih seperti “UTC+7” juga bisa.

## /invite, /rsvp, /cancel

bot-invite-usage = Undang siapa ke acara apa? mis. { $command }
bot-invite-how = Kirim { $command } (atau id Telegram atau alamat email; beberapa sekaligus juga boleh).
bot-invite-not-organizer = Hanya penyelenggara yang bisa mengundang orang ke acara ini.
bot-invite-done = ✔️ { $invitee } diundang
bot-invite-mailed = ✔️ { $invitee } diundang (undangan lewat email sedang dikirim)
bot-invite-failed = ✖️ { $invitee }: { $reason }
bot-invite-self = ✖️ { $invitee }: itu kamu sendiri.
bot-rsvp-usage = Jawab bagaimana, dan untuk apa? mis. { $command } (accept: terima, tentative: mungkin, decline: tolak).
bot-rsvp-done = { $answer }: <b>{ $title }</b>. Penyelenggara sudah diberi tahu.
bot-rsvp-not-invited = Kamu tidak diundang ke acara ini, jadi tidak bisa menjawabnya.
bot-rsvp-words-accept = ya, terima, hadir
bot-rsvp-words-tentative = mungkin
bot-rsvp-words-decline = tidak, tolak
bot-cancel-not-yours = Kamu hanya bisa membatalkan acaramu sendiri; untuk bilang tidak datang, pakai { $command }.
bot-cancel-ask = Batalkan <b>{ $title }</b>? Semua yang diundang akan diberi tahu.
bot-cancel-ask-when = Batalkan <b>{ $title }</b> ({ $when })? Semua yang diundang akan diberi tahu.
bot-cancel-done = ❌ <b>{ $title }</b> ({ $when }) dibatalkan.
bot-cancel-tapped = Dibatalkan
bot-cancel-kept = 👍 Dibiarkan seperti semula.
bot-notice-webhook-paused = ⏸ Webhook-mu ke { $url } dijeda: pengirimannya terus gagal selama sehari (terakhir: { $reason }). Lanjutkan di pengaturan aplikasi setelah penerimanya berfungsi lagi. Perubahan selama itu menunggunya selama 30 hari.

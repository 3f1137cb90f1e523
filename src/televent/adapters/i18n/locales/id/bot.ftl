## Bot di chat pribadi: /start, /help, zona waktu, daftar acara, perangkat, ekspor,
## penghapusan, /app, menu perintah, dan jawaban untuk yang tidak dipahaminya.

## /start dan /help (/perintah tidak diterjemahkan: itulah yang diketik orang)

bot-welcome =
    👋 Hai { $name }! Aku mengurus kalendermu langsung di Telegram.
    • /create membuat acara dalam satu baris: <code>/create Rapat tim, besok 15:00, 1 jam</code>
    • Undang orang, dan jawab undangan dengan sekali ketuk.
    • Sinkronkan dengan Apple Calendar, Thunderbird, atau DAVx5: /device add laptop
bot-help =
    <b>Perintah Televent</b>
    /create <i>judul, kapan[, durasi][, tempat]</i> — mis. <code>/create Dokter gigi, jumat 9:30, 45 menit</code>
    /today, /tomorrow, /week — acara yang ada; /list — semua yang akan datang
    /app — aplikasi kalender (tampilan bulan, minggu, hari) dan tautan masuk untuk browser
    /event <i>id</i> — detail, dengan tombol untuk mengundang, membatalkan, atau mengekspor
    /invite <i>id</i> <i>@username | id Telegram | email …</i> — undang orang
    /attendees <i>id</i> — siapa yang menerima, menolak, atau belum menjawab
    /rsvp <i>accept | tentative | decline</i> <i>id</i> — jawab undangan
    /cancel <i>id</i> — batalkan acaramu (tanpa id: keluar dari dialog)
    /calendars — kalender dan undanganmu; /calendars <i>nama</i> — siapa yang punya akses
    /share <i>kalender @username</i> [read | write | manage] — mis. <code>/share keluarga @anna</code>
    /unshare <i>kalender @username</i> — berhenti berbagi; /leave <i>kalender</i> — keluar dari kalender bersama
    /timezone <i>kota atau zona</i> — mis. <code>/timezone Jakarta</code>
    /language — bahasa yang kupakai denganmu
    /reminder <i>menit</i> — berapa lama sebelum acara aku mengingatkan (0: mati)
    /agenda <i>JJ:MM</i> | off — acara harimu setiap pagi pada jam setempat itu
    /quiet <i>JJ:MM-JJ:MM</i> | off — jam tenang: pesan menunggu sampai selesai
    /settings — notifikasi: pengingat, kartu undangan, jawaban, jam tenang, agenda, format jam
    /email — alamat undanganmu; /email <i>kamu@example.com</i> menautkan emailmu (kami kirim kode)
    /availability <i>hari jam</i> — kapan orang bisa memesan waktumu: <code>/availability mon-fri 9-17</code>
    /booking new <i>slug menit judul</i> | list | pause | resume | delete — tautan pemesanan
    /device add <i>nama</i> | list | revoke <i>nama</i> — kata sandi untuk aplikasi CalDAV
    /export — kalendermu sebagai file .ics
    📥 Kirim berkas .ics untuk mengimpor acaranya (keterangannya boleh menyebut nama kalender)
    🔗 /subscribe <i>tautan webcal:// atau https://</i> — kalender yang mengikuti feed (libur, sekolah, kerja); /subscriptions — langganan Anda
    🔄 /google — hubungkan Google Kalender Anda, dua arah
    /deleteaccount — hapus datamu (setelah 30 hari, bisa dibatalkan)
    Id adalah kode pendek di daftar, seperti <code>a1b2c3</code>.

## Zona waktu dan pengingat

bot-zone-ask = 🌍 Zona waktumu <b>{ $zone }</b>. Ketuk zonamu, atau ketik kota (mis. <i>Jakarta</i>, <i>Makassar</i>) atau nama zona:
bot-zone-set = ✅ Zona waktu: <b>{ $zone }</b>. Coba <code>/create Makan siang, besok 13:00</code> atau /help.
bot-zone-tapped = Zona waktu: { $zone }
bot-reminder-current =
    { $minutes ->
        [0] Pengingat mati. Nyalakan dengan <code>/reminder 15</code> (menit sebelum acara).
       *[other] Aku mengingatkan { $minutes } menit sebelum acara. Ubah dengan <code>/reminder 30</code> (0 mematikan pengingat).
    }
bot-reminder-set =
    { $minutes ->
        [0] Pengingat dimatikan.
       *[other] ⏰ Aku akan mengingatkan { $minutes } menit sebelumnya.
    }

## Daftar: /today, /tomorrow, /week, /list

bot-list-today = Hari ini
bot-list-tomorrow = Besok
bot-list-week = Minggu ini
bot-list-coming-up = Akan datang ({ $days } hari ke depan)
bot-list-page = { $title } — { $first }–{ $last } dari { $total }
bot-list-empty = Belum ada rencana. Tambahkan dengan /create.
bot-list-more = … dan { $count } lagi. /list menampilkan semuanya, halaman demi halaman.
bot-more = … dan { $count } lagi.
bot-list-cancelled = <s>{ $title }</s> (dibatalkan)
bot-list-people = 👥 { $accepted }/{ $invited }
bot-left-out-shown = ⚠️ { $count } acara tidak dapat ditampilkan: data kalendernya tidak dapat dibaca.
bot-left-out-exported = ⚠️ { $count } acara tidak dapat diekspor: data kalendernya tidak dapat dibaca.

## Perangkat (kata sandi CalDAV)

bot-device-usage =
    Setiap perangkat mendapat kata sandi CalDAV sendiri:
    <code>/device add laptop</code> — kata sandi baru (ditampilkan sekali)
    <code>/device list</code> — perangkatmu
    <code>/device revoke laptop</code> — hentikan sinkronisasi sebuah perangkat
bot-device-none = Belum ada perangkat.
bot-device-added =
    🔑 Kata sandi untuk <b>{ $name }</b> (hanya ditampilkan kali ini):
    { $password }

    Di Apple Calendar, Thunderbird, atau DAVx5 tambahkan akun CalDAV:
    • Server: { $server }
    • Nama pengguna: { $user }
    • Kata sandi: yang di atas
    Cabut kapan saja dengan { $revoke }.
bot-device-list = <b>Perangkatmu</b>
bot-device-line = • { $name } — sejak { $since }
bot-device-line-used = • { $name } — sejak { $since }, sinkron terakhir { $used }
bot-device-revoked = 🚫 { $name } tidak bisa sinkron lagi.

## /export dan /deleteaccount

bot-export-caption = 📤 Kalendermu. Buka di aplikasi kalender mana pun untuk mengimpornya.
bot-erase-ask = ⚠️ Hapus akunmu? Kalender, perangkat, dan jawabanmu akan dihapus setelah masa tenggang 30 hari; sampai saat itu kamu bisa berubah pikiran dengan /keepaccount.
bot-erase-already = Datamu sudah dijadwalkan untuk dihapus pada { $day }. Kirim /keepaccount untuk membatalkannya.
bot-erase-scheduled = 🗑 Datamu akan dihapus pada <b>{ $day }</b>. Berubah pikiran? Kirim /keepaccount sebelum itu.
bot-erase-scheduled-tapped = Dijadwalkan
bot-erase-kept = 👍 Tidak ada yang akan dihapus.
bot-erase-nothing = Tidak ada penghapusan yang dijadwalkan. 👍
bot-erase-cancelled = ✅ Penghapusan dibatalkan; akunmu tetap ada.

## /app: aplikasi kalender dan tautan masuk untuk browser

bot-app-not-served = 📅 Aplikasi kalender tidak tersedia di server ini. /help menampilkan yang bisa kulakukan di sini.
bot-app-link-rules = Tautan ini berlaku sekali dan kedaluwarsa dalam { $lifetime }; tautan ini memasukkanmu ke akun, jadi jangan dibagikan.
calendar-default-name = Kalender
bot-menu-button = Kalender
bot-app-open = 📅 Kalendermu: tampilan bulan, minggu, hari, dan agenda. Ketuk <b>Buka kalender</b>.
bot-app-browser = 🌐 Di komputer? <b>Buka di browser</b> memasukkanmu di sana. { $rules }
bot-app-needs-https = 📅 Di sini aplikasi kalender tidak bisa dibuka di dalam Telegram. Telegram hanya membuka aplikasi dari alamat HTTPS: untuk itu, pengelola server mengisi <code>TELEVENT_PUBLIC_URL</code> dengan alamat <code>https://</code> server tersebut.
bot-app-no-links = Tautan browser juga tidak diaktifkan di server ini.
bot-app-browser-link = 🌐 Buka di browser dengan tautan ini. { $rules }

## Menu perintah (Telegram menampilkannya di samping setiap /perintah; paling banyak 256 karakter)

bot-cmd-today = Acara hari ini
bot-cmd-tomorrow = Acara besok
bot-cmd-week = Tujuh hari ke depan
bot-cmd-list = Semua yang akan datang
bot-cmd-app = Aplikasi kalender: tampilan bulan, minggu, hari
bot-cmd-create = Acara baru: /create Rapat tim, besok 15:00, 1 jam
bot-cmd-event = Detail acara: /event a1b2c3
bot-cmd-invite = Undang orang: /invite a1b2c3 @anna
bot-cmd-attendees = Siapa yang datang: /attendees a1b2c3
bot-cmd-rsvp = Jawab: /rsvp accept a1b2c3
bot-cmd-cancel = Batalkan acara, atau keluar dari dialog
bot-cmd-calendars = Kalendermu, yang dibagikan denganmu, undangan
bot-cmd-share = Bagikan kalender: /share keluarga @anna [read|write|manage]
bot-cmd-subscribe = Ikuti feed kalender: /subscribe webcal://…
bot-cmd-google = Hubungkan Google Kalender Anda
bot-cmd-calendar = Di grup: kalender grup, [Gabung ke kalender ini]
bot-cmd-timezone = Zona waktumu
bot-cmd-language = Bahasa yang kupakai: /language id
bot-cmd-reminder = Menit sebelum acara untuk mengingatkanmu
bot-cmd-agenda = Harimu setiap pagi: /agenda 07:30 atau off
bot-cmd-settings = Notifikasi: pengingat, undangan, jam tenang
bot-cmd-email = Alamat undanganmu; tautkan emailmu: /email kamu@example.com
bot-cmd-availability = Kapan orang bisa memesan waktumu: /availability mon-fri 09:00-17:00
bot-cmd-booking = Tautan pemesanan: /booking new intro 30 Obrolan perkenalan
bot-cmd-device = Kata sandi CalDAV: add, list, revoke
bot-cmd-export = Kalendermu sebagai file .ics
bot-cmd-deleteaccount = Hapus datamu (setelah 30 hari)
bot-cmd-help = Semua perintah dengan contoh

## Yang tidak dipahami bot, dan jawaban singkat untuk ketukan

bot-fallback-command = 🤔 Aku tidak tahu /{ $command }. /help menampilkan yang bisa kulakukan.
bot-fallback-command-close = 🤔 Aku tidak tahu /{ $command }. Maksudmu /{ $close }? /help menampilkan yang bisa kulakukan.
bot-fallback-not-text = Aku hanya membaca pesan teks. /help menampilkan yang bisa kulakukan.
bot-fallback-text =
    🤔 Aku kurang paham maksudmu. Untuk menambah acara, coba
    { $example }
    atau /help untuk semua yang bisa kulakukan.
bot-stale-button = Tombol itu sudah tidak berlaku.
bot-dialogue-left = Oke, dibatalkan. 👍
bot-dialogue-none = Tidak ada yang perlu dibatalkan. /help berisi daftar perintah.
bot-not-registered = Kamu belum terdaftar: kirim /start dulu.
bot-saved-tapped = Tersimpan
bot-kept-tapped = Tetap
bot-done-tapped = Selesai
bot-someone = Seseorang

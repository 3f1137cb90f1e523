## Bot: /availability (kapan orang bisa memesan waktumu), /booking (tautan pemesanan), dan pesan
## untuk pemilik saat seseorang memesan, membatalkan, atau memindahkan pesanan.
## Kata-kata perintah (mon-fri, off, weekly, default, new, list, pause…) tetap seperti aslinya.

## /availability ($days: «Sen–Jum», $hours: «09.00–17.00», sesuai jam pembaca)

booking-bot-examples =
    <code>/availability mon-fri 09:00-12:00 13:00-17:00</code> — jam mingguan
    <code>/availability sat 10:00-14:00</code> — satu hari dalam seminggu
    <code>/availability sat off</code> — tidak bisa dipesan pada hari itu
    <code>/availability 2026-12-24 off</code> — hari libur
    <code>/availability 2026-12-27 10:00-14:00</code> — jam lain pada satu tanggal
    <code>/availability 2026-12-24 weekly</code> — tanggal itu kembali mengikuti jam mingguan
    <code>/availability default</code> — kembali ke { $days } { $hours }
booking-bot-hours-title = 🗓 <b>Kapan orang bisa memesan waktumu</b>
booking-bot-hours-default-title = 🗓 <b>Kapan orang bisa memesan waktumu</b> (bawaan: kamu belum mengatur jammu)
booking-bot-zone = Zona waktu: { $zone }
booking-bot-off = tutup
booking-bot-dates-title = <b>Tanggal dengan jam tersendiri</b>
booking-bot-change-them = <b>Ubah</b>
booking-bot-examples-title = <b>Contoh</b>
booking-bot-saved = ✅ Tersimpan.
booking-bot-which-days = Sebutkan hari dan jamnya.
booking-bot-not-a-date = { $text } bukan tanggal (YYYY-MM-DD).
booking-bot-past = { $day } sudah lewat.
booking-bot-days-backwards = { $text }: hari pertama jatuh setelah hari terakhir (coba mon-fri).
booking-bot-unknown-day = Aku tidak mengenal hari “{ $text }”. Mulailah dengan nama hari (mon, tue, …, mon-fri, weekend, Sen, Sel, …) atau tanggal seperti 2026-12-24.
booking-bot-no-hours = Tuliskan jamnya setelah hari, seperti <code>09:00-17:00</code> (beberapa rentang dipisah spasi), atau <code>off</code>.
booking-bot-not-a-range = “{ $text }” bukan rentang jam; tulis seperti <code>09:00-17:00</code>.

## /booking ($length: «30 menit»; $state: active atau paused)

booking-bot-usage =
    🔗 Dengan <b>tautan pemesanan</b>, orang bisa memesan waktu denganmu di halaman web, sesuai /availability milikmu dan di sela acara yang sudah ada di kalendermu.
    <code>/booking new intro 30 Panggilan perkenalan</code> — tautan 30 menit di /book/intro
    <code>/booking list</code> — tautanmu, alamatnya, dan pesanan mendatang
    <code>/booking pause intro</code> / <code>/booking resume intro</code> — hentikan atau mulai lagi menerima pesanan
    <code>/booking delete intro</code> — hapus tautan (pesanannya tetap di kalendermu)
    Jeda, pemberitahuan minimum, jangkauan, dan pertanyaan: Pengaturan → Pemesanan di aplikasi kalender (/app).
booking-bot-new-usage = ⚠️ Berikan nama pendek untuk alamatnya, jumlah menit, dan judul, seperti <code>/booking new intro 30 Panggilan perkenalan</code>.
booking-bot-created =
    🔗 <b>{ $title }</b> ({ $length }) sudah siap. Bagikan alamat ini:
    { $url }
    Orang bisa memesan sesuai /availability milikmu, di sela acaramu. <code>/booking pause { $slug }</code> menghentikannya sementara.
booking-bot-no-links = Kamu belum punya tautan pemesanan.
booking-bot-list-title = 🔗 <b>Tautan pemesananmu</b>
booking-bot-list-item =
    <b>{ $title }</b> — { $length }, { $state ->
        [active] aktif
       *[paused] ⏸ dijeda
    }, { $count ->
       *[other] { $count } pesanan mendatang
    }
booking-bot-list-footer = /availability mengatur kapan orang bisa memesan waktumu.
booking-bot-resumed = ▶️ <b>{ $title }</b> menerima pesanan lagi: { $url }
booking-bot-paused = ⏸ <b>{ $title }</b> dijeda: halamannya tidak menampilkan waktu kosong sampai <code>/booking resume { $slug }</code>.
booking-bot-delete-ask = 🗑 Hapus tautan pemesanan <b>{ $title }</b> ({ $url })? Halamannya tidak akan berfungsi lagi; pesanan yang sudah dibuat tetap di kalendermu.
booking-bot-delete-yes = Ya, hapus
booking-bot-delete-no = Tidak, simpan
booking-bot-kept = Disimpan
booking-bot-link-stays = 👍 Tautannya tetap ada.
booking-bot-already-gone = Tautan itu sudah tidak ada.
booking-bot-deleted = Dihapus
booking-bot-deleted-text = 🗑 Tautan pemesanan /book/{ $slug } sudah dihapus. Pesanan yang sudah dibuat tetap di kalendermu.
booking-bot-no-such-link = Kamu tidak punya tautan pemesanan “{ $slug }”. /booking list menampilkan milikmu.
booking-bot-not-registered = Kamu belum terdaftar: kirim /start dulu.

## Pesan untuk pemilik tentang pesanan ($when: «Sel, 3 Mar, 14.00–14.30»)

booking-bot-someone = Seseorang
booking-bot-a-booking = sebuah pesanan
booking-bot-unknown-time = waktu yang tidak diketahui
booking-bot-booked = 📅 { $who } memesan waktu denganmu: <b>{ $title }</b>, { $when }
booking-bot-booked-for = 📅 { $who } memesan { $length } denganmu: <b>{ $title }</b>, { $when }
booking-bot-cancelled = ❌ { $who } membatalkan <b>{ $title }</b>, { $when }. Waktunya kosong lagi.
booking-bot-cancelled-why = ❌ { $who } membatalkan <b>{ $title }</b>, { $when } ({ $reason }). Waktunya kosong lagi.
booking-bot-moved = 🔄 { $who } memindahkan <b>{ $title }</b> ke { $when }.
booking-bot-moved-from = 🔄 { $who } memindahkan <b>{ $title }</b> ke { $when } (sebelumnya { $was }).

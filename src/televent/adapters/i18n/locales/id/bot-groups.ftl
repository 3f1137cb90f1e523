## Bot di grup Telegram: kalender grup, kartu acara dengan ✅ ❔ ❌ dan hitungannya,
## [Gabung ke kalender ini] dan pengaturan admin. Kartu memakai bahasa pemilik kalender grup;
## jawaban atas perintah atau ketukan memakai bahasa orang yang menulis atau mengetuk.

group-button-going = ✅ Datang
group-button-maybe = ❔ Mungkin
group-button-cant = ❌ Tidak bisa
group-button-who = 👥 Siapa
group-button-join = 📅 Gabung ke kalender ini
group-button-open = 🗓 Buka kalender

## Kartu acara

group-tally = ✅ { $going } · ❔ { $maybe } · ❌ { $cant }
group-card-cancelled = <s>{ $title }</s> (dibatalkan)
group-no-title = (tanpa judul)
group-who-nobody = Belum ada yang menjawab.
group-noted = { $icon } Dicatat
group-someone = seseorang
group-user = Pengguna { $id }

## Perintah di grup

group-help =
    📅 <b>Kalender grup ini</b>
    /create <i>apa, kapan[, berapa lama][, di mana]</i> — tambah acara, misalnya <code>/create Makan siang tim, jumat 13:00, 1h</code>
    /today, /tomorrow, /week, /list — jadwal yang ada
    /calendar — kalendernya, [Gabung ke kalender ini] dan pengaturannya
    Ketuk ✅ ❔ ❌ pada acara untuk menjawab. Untuk hal lain, chat aku secara pribadi.
group-create-usage = 📝 Sebutkan apa dan kapan, misalnya <code>/create Makan siang tim, jumat 13:00, 1h, Kafe Central</code>
group-not-here = Itu bisa di chat pribadi denganku; di grup aku menangani /create, /week dan /calendar.
group-wrong-group = Tombol ini milik grup lain.
group-stale = Tombol itu sudah tidak berfungsi di sini.
group-settings-usage = Admin: <code>/calendar edit on|off</code> (anggota boleh menambah acara) dan <code>/calendar reminders on|off</code> (pengingat sebelum acara, dikirim di sini).
group-listing-title =
    { $command ->
        [today] Hari ini
        [tomorrow] Besok
        [week] Minggu ini
       *[list] Akan datang
    }

## Kalender grup ($edit: members atau admins; $reminders: on atau off)

group-opened =
    📅 Grup ini sekarang punya kalender: <b>{ $title }</b> (dikelola { $owner }).
    Ketuk [Gabung ke kalender ini] untuk melihatnya di kalendermu sendiri, ponsel, dan aplikasi.
group-about = 📅 <b>{ $title }</b> — dikelola { $owner }, { $count } orang bergabung
group-about-settings =
    ⚙️ { $edit ->
        [members] anggota menambah acara
       *[admins] hanya lihat: admin yang menambah acara
    }; pengingat di sini { $reminders ->
        [on] aktif
       *[off] nonaktif
    }
group-joined-owner = “{ $title }” milikmu: sudah ada di kalendermu.
group-joined = “{ $title }” sekarang ada di kalendermu — { $role }.
group-members-edit-on = ✅ Anggota boleh menambah acara.
group-members-edit-off = ✅ Hanya lihat: admin yang menambah acara.
group-reminders-on = ✅ Pengingat dikirim di sini.
group-reminders-off = ✅ Tidak ada pengingat di sini.
group-welcome-back = 👋 Kembali lagi: <b>{ $title }</b> masih di sini seperti sebelumnya. /week menampilkan jadwalnya.
group-welcome = 👋 Halo! /create menambah acara ke kalender grup ini; /calendar menampilkannya.

## Penolakan

group-gone = Kalender grup ini sudah tidak ada: kirim /calendar untuk membuat yang baru.
group-no-calendar = Grup ini belum punya kalender: kirim /calendar dulu.
group-not-an-event = Itu bukan acara.
group-not-in-calendar = Acara itu tidak ada di kalender grup ini.

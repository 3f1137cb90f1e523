# Penolakan seputar kalender, acara, berbagi kalender, grup, pengaturan, dan akun
# (TeleventError.worded): di bot, di kolom detail JSON API, dan di Mini App.

## Kalender dan orang-orang yang diajak berbagi

refusal-calendars-calendar-gone = Kalender tidak ditemukan.
refusal-calendars-share-self = Kamu tidak bisa membagikan kalender dengan dirimu sendiri.
refusal-calendars-share-owner = Orang itu pemilik kalender ini.
refusal-calendars-no-such-person = Orang itu tidak punya akun Televent.
refusal-calendars-already-member = Orang itu sudah menjadi anggota; ubah saja perannya.
refusal-calendars-member-cap = { $most ->
   *[other] Sebuah kalender dibagikan dengan paling banyak { $most } orang.
}
refusal-calendars-already-accepted = Kamu sudah menerima kalender ini; kalau tidak mau lagi, keluar saja darinya.
refusal-calendars-not-member = Orang itu bukan anggota kalender ini.
refusal-calendars-owner-stays = Pemilik tidak bisa keluar dari kalendernya sendiri; hapus saja kalendernya.
refusal-calendars-not-a-role = “{ $role }” bukan peran: gunakan read (bisa melihat), write (bisa mengubah) atau manage (bisa mengelola).
refusal-calendars-not-published = Kalender ini tidak dipublikasikan.
refusal-calendars-role-forbids = { $what ->
    [share] Peranmu di kalender ini tidak mengizinkanmu membagikannya.
    [roles] Peranmu di kalender ini tidak mengizinkanmu mengubah peran anggota.
    [remove] Peranmu di kalender ini tidak mengizinkanmu mengeluarkan anggota.
    [subscription] Peranmu di kalender ini tidak mengizinkanmu mengubah langganannya.
   *[other] Peranmu di kalender ini tidak mengizinkanmu memublikasikannya.
}
refusal-calendars-read-only = Kamu bisa melihat kalender ini, tetapi tidak bisa mengubah acaranya.
refusal-calendars-cannot-manage = Peranmu di kalender ini tidak mengizinkanmu mengelola anggotanya.
refusal-calendars-owner-only = Hanya pemilik kalender yang bisa mengganti namanya atau menghapusnya untuk semua orang.
refusal-calendars-role-denied = Peranmu tidak mengizinkan ini.
refusal-calendars-changed-meanwhile = Orang lain mengubah ini pada saat yang sama; muat ulang lalu coba lagi.
refusal-calendars-property-unknown = Kalender tidak punya properti “{ $property }”.
refusal-calendars-busy = Apakah kalender dihitung sibuk (busy) ditulis dengan true atau false.
refusal-calendars-client-properties = Sebuah kalender menyimpan paling banyak { $most } properti dari aplikasi kalender.
refusal-calendars-client-property = Properti dari aplikasi kalender paling banyak { $most } karakter, dengan nama berbentuk {"{"}namespace{"}"}name.

## Nama, warna, dan waktu sibuk kalender, serta dengan siapa kalender dibagikan (PATCH /calendars/{id}, anggotanya)

refusal-calendars-field-fixed = “{ $field }” tidak bisa diubah di sini; yang bisa diubah: name, color, dan busy.
refusal-calendars-name-blank = Nama tidak boleh kosong; tulis sebuah nama atau null.
refusal-calendars-name-control-characters = Nama berisi karakter kontrol.
refusal-calendars-name-long = Nama paling panjang { $most } karakter.
refusal-calendars-name-kept = Kalendermu sendiri tetap punya nama: tulis sebuah nama, bukan null.
refusal-calendars-color = Warna berupa nilai seperti #1E88E5, atau null.
refusal-calendars-busy-value = busy berisi true, false, atau null.
refusal-calendars-busy-own = busy hanya untuk kalender yang dibagikan kepadamu; kalendermu sendiri selalu dihitung sebagai waktu sibuk.
refusal-calendars-member-not-started = Pengguna Telegram itu belum memulai bot, jadi belum punya kalender.
refusal-calendars-member-unknown = Tidak ada pengguna Televent bernama { $name }; minta dia membuka bot dulu.
refusal-calendars-member-form = Sebutkan id Telegram atau @username.
refusal-calendars-owner-role = Peran pemilik tidak bisa diubah: kalender itu miliknya.

## Acara

refusal-calendars-event-gone = Acara itu sudah tidak ada.
refusal-calendars-event-changed = Acara ini diubah di tempat lain selagi kamu membukanya; muat ulang lalu coba lagi.
refusal-calendars-kept-changing = Acara terus berubah selagi disimpan; coba lagi.
refusal-calendars-event-cancelled = Acara itu sudah dibatalkan.
refusal-calendars-not-attendee = Orang itu bukan peserta acara ini.
refusal-calendars-not-invited = Kamu tidak diundang ke acara ini.
refusal-calendars-title-required = Beri judul acaranya.
refusal-calendars-title-empty = Judul acara tidak boleh kosong.
refusal-calendars-too-long = { $field ->
    [title] Judul
    [location] Lokasi
   *[other] Deskripsi
} lebih panjang dari { $limit } karakter.
refusal-calendars-event-time-zone = { $field ->
    [timezone] “{ $zone }” bukan zona waktu yang dikenal; gunakan nama IANA, misalnya Asia/Jakarta.
   *[other] “{ $zone }” ({ $field }) bukan zona waktu yang dikenal; gunakan nama IANA, misalnya Asia/Jakarta.
}
refusal-calendars-end-before-start = Akhir acara harus setelah awalnya.
refusal-calendars-years = { $field ->
    [start] Tanggal mulai
    [end] Tanggal selesai
   *[other] Tanggal
} “{ $given }” di luar tahun yang disimpan Televent: { $first } sampai { $last }.
refusal-calendars-recurrence = “{ $rule }” adalah aturan pengulangan (RRULE) yang tidak bisa dibaca Televent.
refusal-calendars-recurrence-never = “{ $rule }” berakhir sebelum acara dimulai, atau tanpa satu pun pengulangan: acara tidak akan pernah muncul.
refusal-calendars-not-repeating = Acara ini tidak berulang.
refusal-calendars-no-occurrence = Acara ini tidak punya pengulangan pada waktu itu.
refusal-calendars-series-unsplittable = Rangkaian ini tidak bisa dipisah di situ; ubah seluruh rangkaiannya.

## Usulan waktu lain, yang dijawab penyelenggara

refusal-calendars-proposal-unknown = Usulan itu tidak dikenal.
refusal-calendars-proposal-not-yours = Usulan itu bukan untuk salah satu acaramu.
refusal-calendars-proposal-answered = { $status ->
    [accepted] Kamu sudah menjawab usulan ini (menerimanya).
   *[other] Kamu sudah menjawab usulan ini (menolaknya).
}

## Kalender grup

refusal-calendars-group-admins-only = Hanya admin grup yang bisa mengubah pengaturan kalendernya.
refusal-calendars-group-view-only = Kalender grup ini hanya untuk dilihat: hanya admin yang menambahkan acara.
refusal-calendars-group-no-calendar = Grup ini belum punya kalender: kirim /calendar dulu.
refusal-calendars-group-calendar-gone = Kalender grup ini sudah tidak ada: kirim /calendar untuk membuka yang baru.
refusal-calendars-group-event-elsewhere = Acara itu tidak ada di kalender grup ini.

## Pengaturan dan notifikasi

refusal-calendars-time-zone = Zona waktu “{ $zone }” tidak dikenal; gunakan nama IANA, misalnya Asia/Jakarta.
refusal-calendars-reminder-minutes = Pengingat datang antara 0 dan { $most } menit sebelumnya.
refusal-calendars-agenda-time = Agenda pagi datang pada jam yang ditulis HH:MM (24 jam), misalnya 07:30, atau dimatikan.
refusal-calendars-quiet-hours = Jam tenang adalah awal dan akhir yang ditulis HH:MM-HH:MM, misalnya 22:00-07:00, atau dimatikan.
refusal-calendars-quiet-hours-equal = Awal dan akhir jam tenang harus berbeda.
refusal-calendars-channels = Pengingat, agenda pagi, dan pemberitahuan masing-masing dikirim lewat Telegram, lewat email, lewat keduanya, atau tidak sama sekali.
refusal-calendars-channel-unknown = “{ $channel }” bukan cara Televent mengirim pesan: setiap jenis pesan dikirim lewat Telegram, lewat email, lewat keduanya, atau tidak sama sekali.
refusal-calendars-language = Televent tidak berbahasa “{ $value }”. Pilih salah satu: { $languages }, atau otomatis.

## Akun dan perangkat

refusal-calendars-no-account = Kamu belum punya akun Televent: kirim /start ke bot dulu.
refusal-calendars-login-no-account = Kirim /start ke bot dulu: belum ada akun untuk dimasuki.
refusal-calendars-device-name = Nama perangkat terdiri dari 1-64 huruf, angka, spasi, atau karakter . @ ' ( ) + - _.
refusal-calendars-device-exists = Perangkat bernama “{ $name }” sudah ada; cabut dulu.
refusal-calendars-no-device = Tidak ada perangkat aktif bernama “{ $name }”.
refusal-calendars-no-erasure = Tidak ada penghapusan yang dijadwalkan untuk akun ini.
refusal-calendars-email-not-linked = { $address } tidak terhubung ke akun ini.

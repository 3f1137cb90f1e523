# Penolakan tentang akun kalender terhubung di server lain (TeleventError.worded): detail API JSON, bot, dan Mini App.

refusal-connections-not-a-server = Itu bukan alamat server kalender: berikan URL-nya, alamat e-mail Anda, atau domainnya.
refusal-connections-not-caldav = Tidak ada akun kalender CalDAV yang menjawab di sana. Periksa alamatnya (halaman bantuan penyedia Anda menyebutkannya).
refusal-connections-unauthorized = { $host } menolak nama pengguna atau kata sandi. Banyak penyedia meminta kata sandi aplikasi di sini, bukan kata sandi biasa Anda.
refusal-connections-status = { $host } menjawab { $status } untuk permintaan kalender.
refusal-connections-too-large = Kalender ini di { $host } berisi lebih dari yang dibaca Televent dalam satu sinkronisasi (lebih dari { $count } acara atau { $megabytes } MB).
refusal-connections-no-username = Berikan nama pengguna Anda di server itu (paling banyak { $most } karakter).
refusal-connections-no-password = Berikan kata sandi akun itu (paling banyak { $most } karakter); banyak penyedia meminta kata sandi aplikasi untuk ini.
refusal-connections-kind = Hanya akun CalDAV dan Google yang dapat dihubungkan.
refusal-connections-too-many = Anda dapat menghubungkan paling banyak { $most } akun.
refusal-connections-already = Anda sudah terhubung ke akun ini.
refusal-connections-no-calendars = Akun itu tidak punya kalender acara untuk ditampilkan.
refusal-connections-not-found = Koneksi tidak ditemukan.
refusal-connections-calendar-taken = Kalender ini sudah menampilkan kalender lain.
refusal-connections-google-off = Server ini tidak disiapkan untuk menghubungkan akun Google.
refusal-connections-google-consent = Akun Google dihubungkan melalui layar persetujuan Google: alamatnya diberikan oleh /api/v1/connections/google/start.

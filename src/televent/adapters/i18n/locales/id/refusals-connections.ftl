# Penolakan tentang akun kalender terhubung di server lain (TeleventError.worded): detail API JSON, bot, dan Mini App.

refusal-connections-not-a-server = Itu bukan alamat server kalender: berikan URL-nya, alamat e-mail Anda, atau domainnya.
refusal-connections-not-caldav = Tidak ada akun kalender CalDAV yang menjawab di sana. Periksa alamatnya (halaman bantuan penyedia Anda menyebutkannya).
refusal-connections-unauthorized = { $host } menolak nama pengguna atau kata sandi. Banyak penyedia meminta kata sandi aplikasi di sini, bukan kata sandi biasa Anda.
refusal-connections-status = { $host } menjawab { $status } untuk permintaan kalender.

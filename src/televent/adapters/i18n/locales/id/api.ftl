## Jawaban galat JSON API: judul menurut status dan detail yang ditulis API sendiri.

api-title-bad-request = Permintaan tidak benar
api-title-unauthorized = Perlu masuk
api-title-forbidden = Tidak diizinkan
api-title-not-found = Tidak ditemukan
api-title-method-not-allowed = Metode tidak diizinkan
api-title-conflict = Konflik
api-title-gone = Sudah tidak ada
api-title-precondition-failed = Prasyarat tidak terpenuhi
api-title-too-large = Permintaan terlalu besar
api-title-unsupported-media-type = Jenis konten tidak didukung
api-title-unprocessable = Permintaan ditolak
api-title-too-many-requests = Terlalu banyak permintaan
api-title-server-error = Galat internal server
api-title-unavailable = Layanan tidak tersedia

api-detail-no-route = Tidak ada apa pun di alamat ini.
api-detail-wrong-method = Alamat ini tidak menerima metode itu.
api-detail-wrong-method-allowed = Alamat ini tidak menerima metode itu (yang diizinkan: { $allowed }).
api-detail-too-large = Isi permintaan lebih besar daripada yang diterima server ini.
api-detail-too-deep = Isi permintaan bersarang lebih dalam daripada yang dibaca server ini.
api-detail-server-error = Ada yang salah di server; sudah dicatat.
api-detail-invalid = Permintaan tidak valid.
api-detail-invalid-field = { $source ->
    [query] Permintaan tidak valid: periksa parameter kueri “{ $field }”.
    [header] Permintaan tidak valid: periksa header “{ $field }”.
    [cookie] Permintaan tidak valid: periksa cookie “{ $field }”.
    [path] Permintaan tidak valid: periksa “{ $field }” di alamatnya.
   *[body] Permintaan tidak valid: periksa kolom “{ $field }” di isinya.
}
api-detail-missing-field = { $source ->
    [query] Permintaan tidak valid: parameter kueri “{ $field }” tidak ada.
    [header] Permintaan tidak valid: header “{ $field }” tidak ada.
    [cookie] Permintaan tidak valid: cookie “{ $field }” tidak ada.
    [path] Permintaan tidak valid: “{ $field }” tidak ada di alamatnya.
   *[body] Permintaan tidak valid: isinya tidak punya kolom “{ $field }”.
}
api-detail-unknown-field = Permintaan tidak valid: isinya punya kolom “{ $field }” yang tidak diterima alamat ini.
api-detail-invalid-body = Permintaan tidak valid: bentuk isinya tidak seperti yang diterima alamat ini.
api-detail-malformed-json = Isi permintaan bukan JSON yang valid.
api-detail-not-json = Isi permintaan harus JSON (Content-Type: application/json).
api-detail-unknown-scheme = Skema otorisasi “{ $scheme }” tidak dikenal: gunakan tma atau Basic.
api-detail-sign-in = Perlu masuk: data Telegram Mini App (Authorization: tma ...), kata sandi perangkat (HTTP Basic), atau tautan masuk dari /app di bot.
api-detail-mini-app-off = Masuk dari Telegram Mini App dimatikan di server ini (TELEGRAM_BOT_TOKEN tidak diatur); gunakan kata sandi perangkat.
api-detail-not-registered = Anda belum punya akun Televent: kirim /start ke bot dulu, lalu buka Mini App lagi.
api-detail-too-many-logins = Terlalu banyak upaya masuk yang gagal; coba lagi dalam { $seconds } detik.
api-detail-too-many-requests = Terlalu banyak permintaan; coba lagi dalam { $seconds } detik.
api-detail-wrong-password = Nama pengguna atau kata sandi perangkat salah.
api-detail-session-ended = Sesi sudah kedaluwarsa atau berakhir: kirim /app ke bot untuk tautan baru.
api-detail-changes-expired = Token perubahan sudah kedaluwarsa atau tidak dikenal; ambil semuanya lagi tanpa `since`.
api-detail-organizer-only = Hanya penyelenggara yang bisa mengubah acara ini; jawab dengan POST /api/v1/events/{"{"}id{"}"}/rsvp.
api-detail-decline-instead = Undangan ini tidak ada di kalender Anda; tolak dengan POST /api/v1/events/{"{"}id{"}"}/rsvp.
api-detail-blank-name = Nama tidak boleh kosong.
api-detail-control-characters = Nama tidak boleh berisi karakter kontrol.

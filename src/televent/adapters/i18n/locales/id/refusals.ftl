# Refusals people meet in ordinary use, said by the application's errors (TeleventError.worded)
# wherever they surface: the bot, the JSON API and the Mini App.
refusal-not-an-address = { $address } bukan alamat email.
refusal-address-ours = { $address } adalah salah satu alamat milik Televent sendiri, bukan milik Anda.
refusal-address-taken = { $address } sudah terhubung ke akun lain.
refusal-address-yours = { $address } sudah terhubung ke akun Anda.
refusal-code-format = Kode terdiri dari enam angka, misalnya 123456.
refusal-code-wrong = Kode salah; sisa { $left } percobaan.
refusal-code-last-try = Kode salah, dan itu percobaan terakhir: minta kode baru.
refusal-code-too-many = Terlalu banyak kode salah: minta kode baru.
refusal-code-expired = Kode itu sudah kedaluwarsa (kode berlaku { $minutes } menit): minta yang baru.
refusal-no-code = Tidak ada kode yang menunggu Anda: minta satu terlebih dahulu.
refusal-no-address = Tidak ada alamat email yang terhubung ke akun Anda.
refusal-codes-this-hour = { $minutes ->
   *[other] Anda meminta { $count } kode dalam satu jam terakhir; coba lagi dalam { $minutes } menit.
}
refusal-codes-today = Sudah cukup banyak kode diminta untuk alamat ini hari ini; coba lagi besok.

# Permintaan ke alamat yang dipilih seseorang (feed, server kalender lain): adapters/outbound.
refusal-outbound-not-a-url = { $url } bukan alamat web.
refusal-outbound-scheme = Alamat { $scheme } tidak diterima di sini; gunakan { $allowed }.
refusal-outbound-private = { $host } mengarah ke alamat jaringan privat atau lokal, yang tidak dihubungi Televent.
refusal-outbound-redirects = { $host } mengalihkan terlalu sering (lebih dari { $limit } kali); Televent berhenti mengikutinya.
refusal-outbound-too-large = Jawaban dari { $host } lebih besar dari { $megabytes } MB, batas yang dibaca Televent.
refusal-outbound-timeout = { $host } tidak menjawab dalam { $seconds } detik.
refusal-outbound-connect = Televent tidak dapat menghubungi { $host }.

## Halaman tautan masuk dari bot (GET /app/login?token=...), dalam bahasa peramban.

login-page-preview = Buka tautan ini untuk masuk ke kalendermu.
login-page-incomplete-title = Tautan masuk ini tidak lengkap
login-page-incomplete = Buka tautan yang dikirim bot secara utuh, atau kirim /app ke bot untuk tautan baru.
login-page-used-title = Tautan masuk ini sudah tidak berlaku
login-page-used = Tautan masuk hanya berlaku sekali, selama beberapa menit. Kirim /app ke bot Televent untuk tautan baru.

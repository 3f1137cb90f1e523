# Kata sandi perangkat di Mini App (js/devices.js).
devices-title = Kata sandi perangkat
devices-intro = Untuk menyinkronkan dengan kalender ponsel atau komputer (CalDAV), tambahkan akun dengan:
devices-server = Server
devices-user = Nama pengguna
devices-password = Kata sandi
devices-password-hint = kata sandi perangkat dari halaman ini
devices-name = Nama perangkat
devices-name-placeholder = Nama perangkat, mis. iPhone
devices-add = Tambah
devices-never = belum pernah
devices-used = ditambahkan { $added }, terakhir dipakai { $used }
devices-revoke = Cabut
devices-revoke-label = Cabut { $name }
devices-revoke-question = Cabut kata sandi “{ $name }”? Perangkat itu berhenti menyinkronkan.
devices-revoked = { $name } dicabut
devices-none = Belum ada kata sandi perangkat.
devices-new-password = Kata sandi untuk { $name } (hanya ditampilkan sekarang, salin):

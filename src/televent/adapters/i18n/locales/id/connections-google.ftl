google-consent-title = Hubungkan Google Kalender
google-consent-connected = Akun Google Anda { $email } sudah terhubung. Kalendernya muncul di Televent dalam satu menit; Anda boleh menutup halaman ini.
google-consent-refused = Anda tidak mengizinkan Televent memakai Google Kalender Anda, jadi tidak ada yang dihubungkan.
google-consent-expired = Tautan ini sudah kedaluwarsa atau sudah dipakai. Mulai lagi dari Televent.
google-consent-failed = Google tidak menyelesaikan koneksi. Coba lagi beberapa menit lagi.

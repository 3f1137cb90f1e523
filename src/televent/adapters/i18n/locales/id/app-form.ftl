# Mini App: formulir acara, pengulangannya, pertanyaan perubahan berlaku untuk acara yang
# mana dari sebuah rangkaian, dan kartu acara.

form-back = Kembali
form-new = Acara baru
form-edit = Ubah acara
form-edit-occurrence = Ubah acara ini
form-edit-following = Ubah acara ini dan berikutnya
form-title-label = Judul
form-calendar = Kalender
form-all-day = Sepanjang hari
form-starts = Mulai
form-ends = Selesai
form-start-date = Tanggal mulai
form-start-time = Waktu mulai
form-end-date = Tanggal selesai
form-end-time = Waktu selesai
form-zone = Waktu dalam { $zone }
form-location = Lokasi
form-notes = Catatan
form-save = Simpan

form-error-title = Beri judul acaranya.
form-error-start = Pilih tanggal mulai.
form-error-end-before = Waktu selesai ada sebelum waktu mulai.
form-error-end-after = Waktu selesai harus setelah waktu mulai.
form-error-interval = Ulangi setiap 1 sampai { $most }.
form-error-count = Sebutkan berapa kali: 1 sampai { $most }.
form-error-until = Pengulangan harus berakhir pada atau setelah tanggal mulai.

## Pengulangan
form-repeat = Ulangi
form-repeat-never = Tidak berulang
form-repeat-daily = Setiap hari
form-repeat-weekly = Setiap minggu
form-repeat-monthly = Setiap bulan
form-repeat-yearly = Setiap tahun
form-repeat-custom = Khusus: { $rule }
form-every = Setiap
form-unit-days = { $interval ->
   *[other] hari
}
form-unit-weeks = { $interval ->
   *[other] minggu
}
form-unit-months = { $interval ->
   *[other] bulan
}
form-unit-years = { $interval ->
   *[other] tahun
}
form-on-days = Pada hari-hari ini
form-repeat-on = Ulangi pada
form-on-month-day = Pada tanggal { $day }
form-on-nth = Pada { $when }
form-yearly-on-date = Pada { $date }
form-yearly-on-nth = Pada { $when } bulan { $month }
form-repeat-ends = Berakhir
form-ends-never = Tidak pernah
form-ends-on = Pada
form-until-label = Hari terakhir pengulangan
form-ends-after = Setelah
form-count-label = Berapa kali
form-unit-times = { $count ->
   *[other] kali
}

## Perubahan berlaku untuk acara yang mana
form-scope-edit = Ubah acara berulang ini:
form-scope-move = Pindahkan acara berulang ini:
form-scope-delete = Hapus acara berulang ini:
form-scope-occurrence = Acara ini saja
form-scope-following = Acara ini dan berikutnya
form-scope-series = Semua acara

## Kartu acara
card-status-accepted = Diterima
card-status-tentative = Mungkin
card-status-declined = Ditolak
card-status-needs-action = Belum dijawab
card-status-delegated = Didelegasikan
card-no-title = (tanpa judul)
card-cancelled = Dibatalkan oleh penyelenggara
card-organizer = Penyelenggara: { $name }
card-view-only = Hanya lihat: acara di kalender ini tidak bisa kamu ubah.
card-your-answer = Jawabanmu
card-accept = Terima
card-maybe = Mungkin
card-decline = Tolak
card-answer-sent = Jawaban terkirim: { $status }
card-guests = Tamu
card-no-guests = Belum ada tamu
card-invite-label = Undang lewat @username atau email
card-invite-placeholder = @username atau nama@example.com
card-invite = Undang
card-invited = { $who } diundang
card-remove = Hapus
card-remove-label = Hapus { $name }
card-remove-question = Hapus { $name } dari acara ini?
card-edit = Ubah
card-delete = Hapus

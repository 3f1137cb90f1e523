# Penolakan tentang jam yang bisa dipesan, tautan pemesanan, dan pesanan (TeleventError.worded):
# pemiliknya melihatnya di pengaturan Mini App, /availability, dan /booking; pemesan melihatnya di
# halaman pemesanan (/book/<slug>) dan tautan untuk mengelola pesanannya.

## Jam mingguan dan tanggal dengan jam tersendiri

# Hari yang dimaksud: $day adalah hari dalam seminggu ("mon" … "sun") atau sebuah tanggal.
refusal-booking-on = { $day ->
    [mon] Senin
    [tue] Selasa
    [wed] Rabu
    [thu] Kamis
    [fri] Jumat
    [sat] Sabtu
    [sun] Minggu
   *[other] { $day }
}
# $start dan $end adalah jam seperti yang diketik (HH:MM).
refusal-booking-range-backwards = { refusal-booking-on }: rentang { $start }-{ $end } berakhir sebelum dimulai.
# $first dan $second adalah rentang seperti 09:00-13:30.
refusal-booking-ranges-overlap = { refusal-booking-on }: rentang { $first } dan { $second } saling tumpang tindih.
refusal-booking-too-many-ranges = { refusal-booking-on }: paling banyak { $count } rentang per hari.
# $text adalah yang diberikan sebagai jam; $latest adalah 23:59 untuk awal, 24:00 untuk akhir.
refusal-booking-not-a-time = { refusal-booking-on }: { $text } bukan jam dalam format HH:MM (00:00 sampai { $latest }).
refusal-booking-too-many-dates = Paling banyak { $count } tanggal bisa punya jam tersendiri.
refusal-booking-date-twice = Tanggal { $date } punya jam tersendiri dua kali.
refusal-booking-not-a-zone = { $zone } bukan zona waktu; pakai nama IANA seperti Europe/Berlin.
refusal-booking-window = Minta waktu kosong paling banyak { $count } hari sekaligus.

## Tautan pemesanan (pemilik)

refusal-booking-link-needs = Tautan pemesanan butuh alamat (slug) dan judul.
refusal-booking-calendar = Kalender untuk pemesanan harus salah satu kalendermu (juga milik akun yang terhubung) yang boleh kamu tambahi acara.
refusal-booking-slug-shape = Alamat (slug) terdiri dari 3 sampai 40 huruf kecil, angka, dan tanda hubung (tidak di awal atau akhir), misalnya intro-call.
refusal-booking-slug-reserved = Alamat (slug) { $slug } sudah dicadangkan; pilih yang lain.
refusal-booking-slug-taken = Alamat /book/{ $slug } sudah dipakai; pilih yang lain.
refusal-booking-slug-just-taken = Alamat /book/{ $slug } baru saja dipakai orang lain; pilih yang lain.
refusal-booking-slug-yours = Kamu sudah punya tautan /{ $slug }.
refusal-booking-slug-fixed = Alamat (slug) tautan tidak bisa diubah; buat tautan baru saja.
refusal-booking-no-link = Tidak ada tautan pemesanan /{ $slug }.
refusal-booking-too-many-links = Kamu bisa punya paling banyak { $count } tautan pemesanan.
refusal-booking-title-empty = Tautan pemesanan butuh judul.
refusal-booking-title-long = Judul paling panjang { $count } karakter.
# $field adalah nama pengaturan di API (juga di dalam kurung), $low dan $high batasnya.
refusal-booking-number = { $field ->
    [duration_minutes] Pertemuan berlangsung { $low } sampai { $high } menit (duration_minutes).
    [step_minutes] Jarak antarwaktu mulai { $low } sampai { $high } menit (step_minutes).
    [buffer_before_minutes] Jeda sebelum pertemuan { $low } sampai { $high } menit (buffer_before_minutes).
    [buffer_after_minutes] Jeda sesudah pertemuan { $low } sampai { $high } menit (buffer_after_minutes).
    [min_notice_minutes] Pemberitahuan minimum { $low } sampai { $high } menit (min_notice_minutes).
    [horizon_days] Pemesanan bisa dibuat { $low } sampai { $high } hari ke depan (horizon_days).
    [max_per_day] Jumlah pesanan maksimum per hari adalah angka { $low } sampai { $high } (max_per_day).
   *[other] { $field } adalah bilangan bulat dari { $low } sampai { $high }.
}
refusal-booking-durations = Tautan menawarkan paling banyak { $count } durasi lain.
# $field adalah description atau location.
refusal-booking-text-long = { $field ->
    [description] Deskripsi paling panjang { $count } karakter.
    [location] Tempat paling panjang { $count } karakter.
   *[other] { $field } paling panjang { $count } karakter.
}
refusal-booking-too-many-questions = Tautan mengajukan paling banyak { $count } pertanyaan.
# $number adalah urutan pertanyaan dalam daftar (1 untuk yang pertama).
refusal-booking-question-unlabelled = Pertanyaan { $number } butuh teks.
refusal-booking-question-label-long = Teks pertanyaan { $number } paling panjang { $count } karakter.

## Memesan waktu (pemesan)

refusal-booking-paused = Tautan pemesanan ini sedang dijeda; saat ini tidak menerima pemesanan.
# $choices adalah menit yang ditawarkan tautan ("30, 60").
refusal-booking-duration = Tautan ini memesan { $choices } menit, bukan { $minutes }.
refusal-booking-slot-gone = Waktu itu sudah tidak tersedia; silakan pilih waktu lain.
refusal-booking-slot-not-free = Waktu itu tidak tersedia; silakan pilih waktu lain.
refusal-booking-slot-just-taken = Waktu itu baru saja dipesan orang lain.
refusal-booking-day-full = Hari itu sudah penuh.
refusal-booking-past = Waktu itu sudah lewat; silakan pilih waktu lain.
refusal-booking-too-soon-minutes = Waktu itu terlalu dekat: tautan ini menerima pemesanan paling lambat { $count } menit sebelumnya.
refusal-booking-too-soon-hours = Waktu itu terlalu dekat: tautan ini menerima pemesanan paling lambat { $count } jam sebelumnya.
refusal-booking-too-soon-days = Waktu itu terlalu dekat: tautan ini menerima pemesanan paling lambat { $count } hari sebelumnya.
refusal-booking-too-far = Waktu itu terlalu jauh: tautan ini menerima pemesanan paling jauh { $count } hari ke depan.
refusal-booking-name = Nama Anda diperlukan (paling panjang { $count } karakter).
refusal-booking-email = Alamat email yang valid diperlukan: undangannya dikirim ke sana.
refusal-booking-own-address = Berikan alamat email Anda sendiri: undangannya dikirim ke sana.
# $question adalah pertanyaan yang diberi jawaban; $asked pertanyaan-pertanyaan halaman itu.
refusal-booking-no-question = { $count ->
    [0] Halaman pemesanan ini tidak punya pertanyaan “{ $question }” (halaman ini tidak mengajukan pertanyaan).
   *[other] Halaman pemesanan ini tidak punya pertanyaan “{ $question }” (pertanyaannya: { $asked }).
}
refusal-booking-answer-missing = Silakan jawab: { $question }
refusal-booking-answer-long = Jawaban untuk “{ $question }” terlalu panjang (paling panjang { $count } karakter).
# $name adalah nama orang yang dipesan waktunya.
refusal-booking-no-calendar = { $name } tidak punya kalender untuk menerima pemesanan.

## Pesanan, lewat tautan pengelolaannya (pemesan)

refusal-booking-not-valid = Tautan pesanan ini tidak valid.
refusal-booking-cancelled-already = Pemesanan ini sudah dibatalkan sebelumnya.
refusal-booking-begun = Pemesanan ini sudah dimulai; sekarang tidak bisa diubah lagi.
refusal-booking-link-gone = Tautan pemesanan untuk pesanan ini sudah tidak ada.
refusal-booking-event-gone = Acara untuk pesanan ini sudah tidak ada; silakan pesan lagi.
refusal-booking-calendar-closed = Pesanan ini tidak bisa diubah lagi di sini: kalender tempatnya berada tidak lagi terbuka untuk tautan pemesanannya. Silakan hubungi penyelenggara.

## Yang dikirim sebuah permintaan: dari halaman pemesanan (pemesan), /availability, /bookings, dan tautan pemesanan (pemilik)

refusal-booking-body-too-deep = Isi permintaan bersarang terlalu dalam.
refusal-booking-control-characters = Teks tidak boleh berisi karakter kontrol.
refusal-booking-body-object = { $what ->
    [booking] Pesanan dikirim sebagai objek JSON.
    [cancellation] Pembatalan dikirim sebagai objek JSON.
    [new-time] Waktu baru dikirim sebagai objek JSON.
   *[other] Isi permintaan berupa objek JSON.
}
refusal-booking-body-field = { $what ->
    [booking] Kolom “{ $field }” tidak ada; pesanan berisi: { $known }.
    [cancellation] Kolom “{ $field }” tidak ada; pembatalan berisi: { $known }.
    [new-time] Kolom “{ $field }” tidak ada; waktu baru berisi: { $known }.
   *[other] Kolom “{ $field }” tidak ada; permintaan berisi: { $known }.
}
refusal-booking-zone-form = “{ $field }” adalah nama zona waktu IANA seperti Europe/Berlin.
refusal-booking-moment-form = { $field ->
    [start] Waktu mulai
   *[other] Waktu selesai
} berupa tanggal (YYYY-MM-DD) atau tanggal dan jam RFC 3339.
refusal-booking-duration-param = Durasi (duration) berupa bilangan bulat menit, salah satu yang ditawarkan tautan.
refusal-booking-field-required = { $field ->
    [name] Namamu diperlukan.
    [email] Alamat emailmu diperlukan.
    [start] Sebutkan waktu mulainya.
   *[other] Kolom “{ $field }” diperlukan.
}
refusal-booking-field-text = Kolom “{ $field }” harus berupa teks.
refusal-booking-field-long = Kolom “{ $field }” paling panjang { $most } karakter.
refusal-booking-start-form = Waktu mulai berupa tanggal dan jam RFC 3339.
refusal-booking-start-date = Waktu mulai berupa tanggal dengan jam (awal waktu yang dipilih), bukan tanggal saja.
refusal-booking-duration-minutes = Durasi (duration_minutes) berupa bilangan bulat menit yang ditawarkan tautan.
refusal-booking-answers-form = Jawaban (answers) berupa objek seperti {"{"}"q1": "..."{"}"}.
refusal-booking-answer-text = Setiap jawaban berupa teks paling panjang { $most } karakter.
refusal-booking-no-page = Tidak ada halaman pemesanan di alamat ini.
refusal-booking-link-slug = slug adalah alamat (slug) salah satu tautanmu.

## Halaman pemesanan publik (/book/<slug> dan halaman untuk mengelola pemesanan).

booking-page-title = Pesan waktu
booking-page-needs-js = Halaman ini memerlukan JavaScript untuk menampilkan waktu yang kosong.
booking-page-loading = Memuat…
booking-page-time-zone = Zona waktu
booking-page-your-booking = Pemesanan Anda
booking-page-add-ics = Tambahkan ke kalender Anda (file .ics)
booking-page-reschedule = Jadwalkan ulang
booking-page-cancel = Batalkan pemesanan
booking-page-cancel-reason = Alasan (opsional, dikirim ke penyelenggara)
booking-page-cancel-confirm = Ya, batalkan
booking-page-cancel-keep = Tetap simpan
booking-page-book-again = Pesan waktu baru
booking-page-pick-time = Pilih waktu
booking-page-duration = Durasi
booking-page-earlier-days = Hari sebelumnya
booking-page-later-days = Hari berikutnya
booking-page-days = Hari
booking-page-your-details = Data Anda
booking-page-name = Nama
booking-page-email = Email
booking-page-optional = (opsional)
booking-page-book = Pesan
booking-page-booking = Memesan…
booking-page-choose-another = Pilih waktu lain
booking-page-move-heading = Pindahkan pemesanan
booking-page-move = Pindahkan
booking-page-booked-heading = Dipesan
booking-page-download-ics = Unduh file .ics
booking-page-download-ics-then = lalu buka untuk menambahkan pemesanan ke kalender Anda.
booking-page-keep-link = Untuk mengubah atau membatalkannya nanti, simpan tautan ini:

## Waktu dan durasi

booking-page-zone = { $when } ({ $zone })
booking-page-day-time = { $day }, { $time }
booking-page-time-range = { $from }–{ $to }
booking-page-minutes = { $minutes } mnt
booking-page-hours = { $hours } jam
booking-page-hours-minutes = { $hours } jam { $minutes } mnt
booking-page-week = { $from } – { $to }
booking-page-slot-label = { $from } sampai { $to }
booking-page-day-label = { $day }, { $count } waktu kosong
booking-page-day-closed = { $day }, tidak ada waktu kosong
booking-page-day-heading = { $day } · waktu di { $zone }

## Mencari waktu

booking-page-looking = Mencari waktu kosong…
booking-page-week-empty = Tidak ada waktu kosong pada hari-hari ini. Coba hari berikutnya dengan ›.
booking-page-pick-day = Pilih hari untuk melihat waktu kosongnya.
booking-page-nothing-free = Tidak ada waktu kosong dalam { $days } hari ke depan. Silakan periksa lagi nanti.
booking-page-slot-taken = Waktu itu baru saja dipesan orang lain. Silakan pilih waktu kosong lain di bawah.
booking-page-new-time = Waktu baru: { $when }

## Memesan

booking-page-book-with = Pesan waktu dengan { $name }
booking-page-paused = { $name } sedang tidak menerima pemesanan lewat tautan ini. Silakan coba lagi nanti.
booking-page-enter-name = Silakan masukkan nama Anda.
booking-page-enter-email = Silakan masukkan alamat email seperti ann@example.org.
booking-page-answer = Silakan jawab: { $question }
booking-page-done-heading = Pemesanan Anda berhasil
booking-page-done = Dipesan: { $when }. Undangan sedang dikirim ke { $email }.
booking-page-done-no-mail = Dipesan: { $when }. Server ini tidak mengirim email, jadi tidak ada undangan yang akan sampai ke { $email }: tambahkan sendiri pemesanan ke kalender Anda.

## Mengelola pemesanan

booking-page-your-booking-with = Pemesanan Anda dengan { $name }
booking-page-status-active = Dikonfirmasi
booking-page-status-cancelled = Dibatalkan
booking-page-status-released = Dibatalkan oleh penyelenggara
booking-page-booked-by = Dipesan oleh { $name } ({ $email })
booking-page-link-paused = Tautan ini sedang tidak menerima pemesanan.
booking-page-cancelled = Pemesanan Anda dibatalkan. Penyelenggara sudah diberi tahu.
booking-page-already-cancelled = Pemesanan ini sudah dibatalkan sebelumnya.
booking-page-moved = Dipindah ke { $when }. Undangan yang diperbarui sedang dikirim ke { $email }.
booking-page-moved-no-mail = Dipindah ke { $when }. Server ini tidak mengirim email: tambahkan waktu baru ke kalender Anda dengan file .ics di bawah.

## Jika ada yang salah

booking-page-no-page = Halaman pemesanan ini tidak ada
booking-page-no-page-text = Periksa tautan yang Anda terima, atau minta tautan baru kepada pengirimnya.
booking-page-removed-meanwhile = Tautan dihapus saat Anda memesan. Tidak ada yang dipesan.
booking-page-no-booking = Pemesanan tidak ditemukan
booking-page-no-booking-text = Tautan ini tidak mengarah ke pemesanan. Pastikan Anda menyalinnya dengan lengkap.
booking-page-not-found = Halaman tidak ditemukan
booking-page-not-found-text = Alamat ini tidak mengarah ke halaman pemesanan.
booking-page-offline = Tidak dapat menghubungi server. Periksa koneksi Anda dan coba lagi.
booking-page-too-many = Terlalu banyak permintaan dari jaringan Anda. Tunggu sebentar lalu coba lagi.
booking-page-server-said = Server menjawab { $status }.

booking-event-summary = { $title }: { $visitor } dan { $owner }
booking-event-booked-with = Dipesan lewat tautan pemesanan Televent.
booking-file-manage = Batalkan atau jadwalkan ulang: { $url }

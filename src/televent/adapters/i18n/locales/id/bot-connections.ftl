## Connecting a Google account from the bot (docs/adr/0034): /google.
## $email: the Google account; $count: its calendars here; $state: waiting, failing or ok;
## $reason: why its last sync failed (a code such as unauthorized).

bot-google-off = 🔌 Server ini belum disiapkan untuk menghubungkan Google Kalender. Anda tetap bisa mengikuti alamat iCal rahasia kalender Google dengan /subscribe.
bot-google-connect = 🔄 Hubungkan Google Kalender Anda: Google meminta Anda memilih akun dan mengizinkan Televent memakai kalendernya. Kalender itu lalu muncul di antara kalender Anda dalam satu menit, dihitung sebagai waktu sibuk untuk tautan pemesanan Anda, dan perubahan berjalan dua arah.
bot-google-link-rules = Tautan ini berlaku sekali, selama 10 menit.
bot-google-link = Buka tautan ini di peramban Anda:
bot-google-head = <b>Akun Google yang terhubung</b>
bot-google-line = • { $email } — { $count } kalender, { $state ->
        [waiting] menunggu sinkronisasi pertama
        [failing] gagal ({ $reason })
       *[ok] terbaru
    }
bot-google-manage = Untuk memutus, buka /app: Kalender, lalu koneksi kalender itu.

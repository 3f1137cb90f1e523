# The Mini App: accounts on other CalDAV servers (docs/adr/0026): the form on the calendars
# screen and the connection on a mirrored calendar's screen.
# $server: the server's host; $username: the user name there; $count: calendars found.
# $state: waiting, failing or ok; $when: when it was last synced; $reason: why it failed (a code).
conn-title = Hubungkan akun kalender lain
conn-hint = Kalender Anda di iCloud, Fastmail, Nextcloud, atau server CalDAV mana pun tampil di sini, dihitung sebagai waktu sibuk, dan diperbarui setiap beberapa menit. Banyak penyedia meminta kata sandi aplikasi untuk ini; disimpan terenkripsi dan tidak pernah ditampilkan lagi.
conn-server = Alamat server atau alamat email Anda
conn-username = Nama pengguna
conn-password = Kata sandi aplikasi
conn-add = Hubungkan
conn-added = { $count ->
   *[other] { $count } kalender dari { $server } terhubung. Acaranya muncul dalam satu menit.
}
conn-section = Akun terhubung
conn-from = { $server }, sebagai { $username }
conn-status =
    { $state ->
        [waiting] Menunggu sinkronisasi pertama (dalam satu menit).
        [failing] Tidak dapat disinkronkan ({ $reason }); dicoba lagi nanti.
       *[ok] Terbaru, terakhir disinkronkan { $when }.
    }
conn-two-way = Perubahan di sini juga dikirim ke { $server }. Jika sebuah acara juga diubah di sana, versi { $server } yang dipakai dan kamu diberi tahu.
conn-waiting = { $count ->
    [one] Satu perubahan menunggu dikirim ke { $server }.
   *[other] { $count } perubahan menunggu dikirim ke { $server }.
}
conn-sync = Sinkronkan sekarang
conn-syncing = Disinkronkan lagi dalam satu menit.
conn-remove = Putuskan
conn-remove-question = Putuskan { $server }? Tidak ada yang berubah di { $server }; di sini kalendernya dapat tetap menjadi milik Anda atau dihapus.
conn-keep = Simpan acaranya di sini
conn-drop = Hapus dari sini
conn-removed = Terputus dari { $server }.
conn-google-title = Google Kalender
conn-google-hint = Hubungkan akun Google Anda: kalendernya tampil di sini, dihitung sebagai waktu sibuk, dan perubahan berjalan dua arah. Google akan meminta izin Anda.
conn-google = Hubungkan Google Kalender
conn-google-opened = Google terbuka di peramban Anda: izinkan Televent di sana, lalu kembali ke sini.

# The Mini App: calendars that follow a feed from elsewhere (docs/adr/0025): the form on the
# calendars screen and the subscription on a subscribed calendar's screen.
# $state: waiting, failing, paused or ok; $when: when it was last fetched; $reason: why it failed (a code).
subs-title = Ikuti kalender dari tempat lain
subs-hint = Tautan webcal:// atau https:// dari feed kalender: hari libur, jadwal sekolah, alamat iCal rahasia Google Calendar, Outlook, atau iCloud. Acaranya tampil di sini dan di semua aplikasi, selalu terkini; Anda tidak dapat mengubahnya.
subs-link = Tautan feed
subs-add = Berlangganan
subs-added = Berlangganan “{ $name }”. Acaranya muncul dalam semenit.
subs-section = Feed
subs-status =
    { $state ->
        [waiting] Menunggu pembaruan pertama (dalam semenit).
        [failing] Tidak dapat diambil ({ $reason }); dicoba lagi nanti.
        [paused] Dijeda: tidak diperbarui sampai Anda lanjutkan.
       *[ok] Terkini, terakhir diambil { $when }.
    }
subs-reminders = Ingatkan saya akan acaranya
subs-busy = Hitung acaranya sebagai sibuk untuk tautan pemesanan saya
subs-refresh = Ambil sekarang
subs-pause = Jeda
subs-resume = Lanjutkan
subs-refreshing = Diambil lagi dalam semenit.
subs-remove = Berhenti berlangganan
subs-remove-question = Berhenti berlangganan “{ $name }”? Acaranya hilang dari semua aplikasi.
subs-removed = Berhenti berlangganan “{ $name }”.

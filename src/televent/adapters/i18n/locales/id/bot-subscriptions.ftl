## Feed subscriptions in the bot (docs/adr/0025): /subscribe, a webcal:// link sent alone, /subscriptions.
## $state: paused, failing, waiting or ok; $detail: the last outcome ("2 added") or the reason of a failure (a code such as timeout).

bot-subscribe-usage = Kirim tautan feed kalender (webcal:// atau https://…/….ics), atau <code>/subscribe &lt;tautan&gt; [nama]</code>: saya tambahkan kalender yang mengikutinya, diperbarui tiap jam atau sesuai permintaan feed.
    Lalu /subscriptions menampilkannya; <code>/subscriptions pause 1</code>, <code>resume 1</code>, <code>rename 1 Nama baru</code>, <code>remove 1</code>.
bot-subscribe-done = 🔗 Berlangganan: <b>{ $name }</b>. Acaranya muncul dalam semenit di semua aplikasi dan hanya-baca. Pengingatnya mati; acaranya dihitung sebagai waktu sibuk untuk tautan pemesanan Anda. /subscriptions
bot-subscriptions-none = Anda belum mengikuti feed kalender. Kirim tautan webcal:// untuk berlangganan.
bot-subscriptions-head = <b>Langganan Anda</b>
bot-subscriptions-line = { $number }. { $name } — { $status }
bot-subscriptions-status =
    { $state ->
        [paused] dijeda
        [failing] gagal ({ $detail })
        [waiting] menunggu pembaruan pertama
       *[ok] terkini{ $detail ->
            [unchanged] {""}
           *[other] , terakhir { $detail }
        }
    }
bot-subscriptions-usage = <code>/subscriptions pause|resume|remove &lt;nomor&gt;</code>, <code>/subscriptions rename &lt;nomor&gt; &lt;nama&gt;</code>
bot-subscriptions-changed =
    { $action ->
        [pause] ⏸ Dijeda: <b>{ $name }</b> (tidak diperbarui sampai Anda lanjutkan).
        [resume] ▶️ Dilanjutkan: <b>{ $name }</b>.
        [rename] ✏️ Diganti nama: <b>{ $name }</b>.
       *[remove] 🗑 Berhenti berlangganan: <b>{ $name }</b> dan acaranya sudah dihapus.
    }
bot-subscriptions-no-such = Tidak ada langganan “{ $which }”: pakai nomornya di /subscriptions (1 sampai { $count }) atau namanya.

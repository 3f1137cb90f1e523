## /settings, /agenda, /quiet, dan agenda pagi di bot.

## /settings: teks di atas tombol dan setiap tombol (ketukan memasang nilai berikutnya)

bot-settings-text =
    ⚙️ <b>Notifikasi</b> (waktu di { $zone }). Ketuk untuk mengubah.
    Waktu sendiri: <code>/agenda 07:30</code>, <code>/quiet 22:00-07:00</code>, <code>/reminder 20</code>. Bahasa: /language.
bot-settings-no-email = ✉️ Kamu memilih email, tetapi belum ada email yang ditautkan ke akunmu, jadi tidak ada yang dikirim. Tautkan dengan <code>/email kamu@example.com</code>.
bot-settings-email-to = ✉️ Email dikirim ke { $emails }.
bot-settings-reminders =
    { $minutes ->
        [0] ⏰ Pengingat: mati
       *[other] ⏰ Pengingat: { $minutes } menit sebelumnya
    }
bot-settings-alarms =
    { $state ->
        [on] 🔔 Alarm bawaan acara: nyala
       *[off] 🔔 Alarm bawaan acara: mati
    }
bot-settings-cards-telegram =
    { $state ->
        [on] 📨 Undangan dari Televent: nyala
       *[off] 📨 Undangan dari Televent: mati
    }
bot-settings-cards-email =
    { $state ->
        [on] ✉️ Undangan lewat email: nyala
       *[off] ✉️ Undangan lewat email: mati
    }
bot-settings-notices =
    { $which ->
        [all] 📣 Jawaban untuk acaraku: semua
        [declines] 📣 Jawaban untuk acaraku: penolakan saja
       *[none] 📣 Jawaban untuk acaraku: tidak ada
    }
bot-settings-quiet = 🌙 Jam tenang: { $hours }
bot-settings-quiet-off = 🌙 Jam tenang: mati
bot-settings-quiet-reminders =
    { $how ->
        [keep] ⏰ Pengingat saat jam tenang: tetap kirim
       *[hold] ⏰ Pengingat saat jam tenang: tahan
    }
bot-settings-agenda = ☀️ Agenda pagi: { $time }
bot-settings-agenda-off = ☀️ Agenda pagi: mati
bot-settings-agenda-empty =
    { $state ->
        [on] 📭 Agenda di hari tanpa acara: nyala
       *[off] 📭 Agenda di hari tanpa acara: mati
    }
bot-settings-channel =
    { $kind ->
        [reminders] ⏰ Pengingat
        [agenda] ☀️ Agenda
       *[notices] 📣 Pemberitahuan
    } lewat: { $where ->
        [telegram] Telegram
        [email] email
        [both] Telegram + email
       *[none] tidak ke mana pun
    }
bot-settings-clock =
    { $cycle ->
        [h24] 🕒 Jam: 24 jam
        [h12] 🕒 Jam: 12 jam (AM/PM)
       *[auto] 🕒 Jam: sesuai bahasaku
    }

## /agenda dan /quiet

bot-agenda-none = ☀️ Tidak ada agenda pagi. Dapatkan setiap hari dengan <code>/agenda 07:30</code> (waktu setempatmu).
bot-agenda-status =
    { $empty ->
        [yes] ☀️ Agendamu datang setiap hari pukul <b>{ $time }</b> ({ $zone }); berikutnya: { $next }. <code>/agenda off</code> menghentikannya.
       *[no] ☀️ Agendamu datang setiap hari pukul <b>{ $time }</b> ({ $zone }) (tidak di hari tanpa acara); berikutnya: { $next }. <code>/agenda off</code> menghentikannya.
    }
bot-agenda-how = Beri jam, seperti <code>/agenda 07:30</code>, atau <code>/agenda off</code>.
bot-quiet-none = 🌙 Tidak ada jam tenang. Atur dengan <code>/quiet 22:00-07:00</code> (waktu setempatmu).
bot-quiet-status =
    { $reminders ->
        [keep] 🌙 Jam tenang { $hours } ({ $zone }): pesan menunggu sampai selesai; pengingat tetap datang (/settings). <code>/quiet off</code> mengakhirinya.
       *[hold] 🌙 Jam tenang { $hours } ({ $zone }): pesan menunggu sampai selesai; pengingat juga menunggu (/settings). <code>/quiet off</code> mengakhirinya.
    }
bot-quiet-how = Beri awal dan akhir, seperti <code>/quiet 22:00-07:00</code>, atau <code>/quiet off</code>.

## Agenda pagi (datang saat pagi tiba bagi orang itu)

bot-agenda-nothing = Tidak ada rencana hari ini.
bot-agenda-unreadable = ({ $count } acara tidak dapat ditampilkan)
bot-agenda-conflicts = ⚠️ menandai acara yang bertabrakan.
bot-agenda-awaiting = ⏳ menunggu jawabanmu

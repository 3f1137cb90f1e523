## /email di bot: alamat undangan tempat siapa pun bisa mengundang orang ini, dan menautkan
## email sendiri dengan kode yang dikirim lewat email (juga satu baris di /start dan /settings).

email-bot-usage = Tautkan emailmu dengan <code>/email kamu@example.com</code>: aku mengirimimu kode, dan <code>/email 123456</code> menautkan alamatnya. <code>/email remove</code> melepas tautannya.
email-bot-invite-line = 📮 Orang bisa mengundangmu dari aplikasi kalender apa pun di <code>{ $address }</code> (/email untuk selengkapnya).
email-bot-none-linked = belum ada yang ditautkan
# $email: alamat yang ditautkan, atau email-bot-none-linked
email-bot-settings =
    📮 Alamat undangan: <code>{ $address }</code>
    ✉️ Email: { $email }
    /email menampilkan keduanya dan menautkan atau melepas emailmu.
email-bot-status-address =
    📮 Alamat undanganmu: <code>{ $address }</code>
    Siapa pun bisa mengundangmu ke sana dari Gmail, Outlook, atau aplikasi kalender apa pun: undangannya masuk ke kalendermu dan ke sini, dan jawabanmu dikirim balik lewat email.
email-bot-status-linked = ✉️ Emailmu: { $email } ✅ — undangan yang dikirim ke sana juga sampai kepadamu. <code>/email remove</code> melepas tautannya.
email-bot-status-awaiting = ✉️ Kode sedang dikirim ke <code>{ $address }</code>: kirimkan sebagai <code>/email 123456</code>.
email-bot-status-none = ✉️ Belum ada email yang ditautkan.
email-bot-code-sent = 📧 Aku sudah mengirim kode ke <code>{ $address }</code>. Kirimkan di sini sebagai <code>/email 123456</code> dalam { $minutes } menit. Tidak ada email? Periksa folder spam, atau minta kode baru dalam semenit.
email-bot-linked = ✅ <code>{ $address }</code> sudah ditautkan ke akunmu: undangan yang dikirim ke sana sampai ke sini.
email-bot-removed-nothing = 👍 Kode yang kukirim sudah tidak berlaku; tidak ada email yang ditautkan.
email-bot-removed =
    { $count ->
       *[other] 👍 { $addresses } tidak lagi ditautkan ke akunmu.
    }
# $kind: reminders, agenda atau notices (yang dipilih untuk diterima lewat email)
email-bot-kind =
    { $kind ->
        [reminders] pengingat
        [agenda] agenda pagi
       *[notices] pemberitahuan
    }
# $kinds: «pengingat dan pemberitahuan»
email-bot-unsent = ⚠️ Kamu menerima { $kinds } hanya lewat email: itu tidak akan dikirim sampai kamu menautkan alamat lagi (<code>/email kamu@example.com</code>), atau memilih Telegram di /settings.

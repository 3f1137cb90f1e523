## Bot: kalender yang dibagikan (/share, /calendars, /unshare, /leave), kartu undangan dengan
## [Tambahkan ke kalender saya] [Tolak], dan pemberitahuan jawaban untuk pemilik.
## Peran dalam kata yang mudah dipahami: $role adalah read, write, manage atau owner.

share-role =
    { $role ->
        [read] bisa melihat
        [write] bisa mengedit
        [manage] bisa mengelola
        [subscriber] berlangganan
       *[owner] pemilik
    }
share-someone = Seseorang

## Cara memakai perintah

share-usage =
    <b>Bagikan kalender</b>
    <code>/share family @anna</code> — Anna bisa melihat dan mengedit acaranya
    <code>/share family @anna read</code> — dia hanya bisa melihatnya
    <code>/share family 123456789 manage</code> — lewat ID Telegram; dia juga bisa membagikannya
    Kalau kamu hanya punya kalender bawaan, cukup <code>/share @anna</code>. Mereka menerima kartu untuk menambahkannya atau menolaknya. /calendars menampilkan kalendermu.
share-unshare-usage = Berhenti membagikan kalender dengan seseorang: <code>/unshare family @anna</code>. /calendars family menampilkan siapa saja yang punya akses.
share-leave-usage = Hapus kalender yang dibagikan seseorang kepadamu: <code>/leave family</code>. /calendars menampilkan semuanya.

## Penolakan (teks biasa, tanpa format)

share-not-registered = Kamu belum terdaftar: kirim /start dulu.
share-self = Itu kamu sendiri: kalendermu memang sudah milikmu. Bagikan dengan orang lain.
share-owner-already = Orang itu sudah menjadi pemilik kalender ini.
share-invitation-gone = Undangan ini sudah tidak berlaku: sudah dijawab, ditarik kembali, atau memang bukan untukmu.
share-leave-own = Kalender itu milikmu, jadi kamu tidak bisa keluar darinya. Untuk berhenti membagikannya dengan seseorang: /unshare <kalender> @username.
share-not-a-role = “{ $word }” bukan peran: gunakan read (bisa melihat), write (bisa mengedit) atau manage (bisa mengelola).
share-not-a-person = “{ $word }” bukan orang: berikan @username atau ID Telegram-nya.
share-not-started = { $word } belum memulai bot. Minta dia membukanya dan menekan Mulai, lalu bagikan lagi.
share-no-such-calendar = Kamu tidak punya kalender “{ $name }”. Milikmu: { $names }. /calendars menampilkan semuanya.
share-which-calendar = Kalender yang mana? Kamu punya { $count }: { $names }. Sebutkan dulu kalendernya, misalnya /share { $example } @username.
share-not-yours =
    “{ $name }” adalah kalender { $owner } dan kamu { $role ->
        [read] hanya bisa melihatnya
        [write] hanya bisa mengeditnya
       *[manage] bisa mengelolanya
    }: hanya pemiliknya, atau orang yang bisa mengelolanya, yang bisa membagikannya.
share-with-whom = Bagikan “{ $name }” dengan siapa? Misalnya /share { $example } @username [read|write|manage].
share-not-shared-with = { $name } tidak punya “{ $calendar }”. /calendars { $example } menampilkan siapa saja yang punya.
share-not-member-of = Tidak ada yang membagikan kalender “{ $name }” denganmu. /calendars menampilkan milikmu.
share-already-added = Kamu sudah menambahkan “{ $name }”. Untuk menghapusnya: /leave { $example }.

## Jawaban untuk /share, /unshare, /leave ($role sudah berupa kata: “bisa mengedit”)

share-done-member = 👌 { $member } sudah punya “{ $calendar }” — { $role }. Tidak ada yang berubah.
share-done-role-changed = ✅ Sekarang { $member } { $role } “{ $calendar }”.
share-done-pending = ⏳ { $member } sudah diundang ke “{ $calendar }” ({ $role }) dan belum menjawab. Kartunya ada di chat mereka.
share-done-reinvited = 📨 Undangan { $member } ke “{ $calendar }” sekarang berbunyi: { $role }. Kartu baru sedang dikirim.
share-done-invited = 📨 { $member } diundang ke “{ $calendar }” — { $role }. Mereka menerima kartu untuk menambahkannya ke kalender mereka atau menolaknya; tidak ada yang dibagikan sampai mereka menambahkannya.
share-unshared = ➖ { $member } tidak lagi punya “{ $calendar }”.
share-left = 👋 “{ $calendar }” tidak lagi ada di kalendermu.

## Kartu undangan, jawabannya, dan pemberitahuan untuk pemilik

share-card = 📅 <b>{ $inviter }</b> membagikan “{ $calendar }” denganmu — { $role }
share-card-of = 📅 <b>{ $inviter }</b> membagikan “{ $calendar }” (kalender { $owner }) denganmu — { $role }
share-card-hint = Tambahkan untuk melihat acaranya di sini, di aplikasi, dan di aplikasi kalendermu.
share-added = ✅ “{ $calendar }” (milik { $owner }) ada di kalendermu — { $role }. /calendars menampilkan semuanya.
share-declined = ➖ Kamu menolak “{ $calendar }” dari { $inviter }.
share-tap-added = Ditambahkan
share-tap-declined = Ditolak
share-owner-accepted = ✅ { $member } menambahkan “{ $calendar }” ke kalendernya.
share-owner-declined = ➖ { $member } menolak “{ $calendar }”.

## /calendars dan /calendars <nama>

share-overview-title = 📅 <b>Kalendermu</b>
share-overview-own =
    { $count ->
        [0] • <b>{ $name }</b> — milikmu
       *[other] • <b>{ $name }</b> — milikmu, dibagikan dengan { $count } orang
    }
share-overview-shared-title = <b>Dibagikan denganmu</b>
share-overview-shared = • <b>{ $name }</b> — milik { $owner }, { $role }
share-overview-invited-title = <b>Menunggu jawabanmu</b>
share-overview-invited = • <b>{ $name }</b> — dari { $inviter }, { $role }
share-overview-hint = <code>/calendars family</code> menampilkan siapa saja yang punya sebuah kalender; <code>/share family @anna</code> membagikannya.
share-member = • { $name } — { $role }
share-member-invited = • { $name } — { $role } (diundang, belum menjawab)
share-members-alone = Belum ada orang lain: /share { $example } @username

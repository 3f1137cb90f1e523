## Mode inline bot: kartu acara dan tautan pemesanan di chat mana pun.
## Kartu memakai bahasa orang yang mengirimnya; jawaban atas ketukan memakai bahasa pengetuk.

inline-button-accept = ✅ Terima
inline-button-maybe = ❔ Mungkin
inline-button-decline = ❌ Tolak
inline-book-button = 📆 Pesan waktu
inline-no-title = (tanpa judul)
# $when: «Sen, 2 Mar, 15.00–16.00»; $zone: zona waktu penyelenggara, «Europe/Berlin»
inline-when-in-zone = { $when } ({ $zone })
inline-cancelled = ❌ <b>DIBATALKAN: { $title }</b>
inline-tap-to-answer = Ketuk untuk menjawab: kamu masuk daftar tamu.
inline-deleted = 🗑 Acara ini dihapus oleh penyelenggaranya.
# $length: «30 menit»
inline-link-card =
    📆 <b>{ $title }</b> · { $length }
    Pesan waktu dengan { $owner }.
inline-link-description = Tautan pemesanan · { $length }
inline-not-registered = Mulai Televent untuk membagikan acaramu
inline-nothing-yet = Tidak ada acara mendatang: buat satu di bot
inline-answered =
    { $answer ->
        [ACCEPTED] ✅ diterima
        [TENTATIVE] ❔ mungkin
       *[DECLINED] ❌ ditolak
    }: { $title }
inline-invalid-button = Tombol itu sudah tidak berlaku.
inline-not-a-card = Tombol ini tidak ada di kartu yang dikirim penyelenggaranya, jadi tidak mengubah apa pun.
inline-gone = Acara ini sudah tidak ada.
inline-was-cancelled = Acara ini sudah dibatalkan.
inline-own-event = Kamu penyelenggara acara ini: tamumu yang menjawab di sini.

# Penolakan tentang feed yang dilanggan (TeleventError.worded): di bot, kolom detail JSON API, dan Mini App.

refusal-subscriptions-not-a-url = Itu bukan alamat feed kalender: alamatnya diawali webcal:// atau https://.
refusal-subscriptions-url-too-long = Alamat feed paling banyak { $most } karakter.
refusal-subscriptions-too-many = Anda dapat berlangganan paling banyak { $most } feed.
refusal-subscriptions-already = Anda sudah berlangganan feed ini.
refusal-subscriptions-not-subscribed = Kalender ini tidak berlangganan feed.
refusal-subscriptions-read-only = Kalender ini menampilkan feed: acaranya hanya berubah saat feed berubah.
refusal-subscriptions-share-read-only = Kalender ini menampilkan feed: hanya dapat dibagikan untuk dilihat.
refusal-subscriptions-unknown-option = “{ $option }” bukan pilihan langganan.
refusal-subscriptions-not-a-switch = { $option } bernilai true atau false.
refusal-subscriptions-empty-name = Nama kalender tidak boleh kosong.

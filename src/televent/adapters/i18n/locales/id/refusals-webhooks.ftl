# Penolakan terkait webhook (TeleventError.worded): detail JSON API dan Mini App.

refusal-webhooks-not-found = Webhook tidak ditemukan.
refusal-webhooks-trigger = “{ $trigger }” bukan pemicu. Pemicunya adalah: { $known }.
refusal-webhooks-no-trigger = Pilih setidaknya satu pemicu: { $known }.
refusal-webhooks-url = Alamat webhook adalah URL paling banyak { $limit } karakter.
refusal-webhooks-too-many = Kamu bisa punya paling banyak { $most } webhook.
refusal-webhooks-since = “since” harus berupa posisi antara { $low } dan { $high }.

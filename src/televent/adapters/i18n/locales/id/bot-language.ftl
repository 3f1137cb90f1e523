language-choose = Pilih bahasa yang saya pakai untuk berbicara denganmu. Sekarang: { $language }.
language-auto = Otomatis: seperti Telegram-mu ({ $language })
language-chosen = Selesai: mulai sekarang saya berbicara dalam { $language }.
language-unknown = Saya tidak mengenal bahasa “{ $code }”. Saya berbicara: { $choices }.

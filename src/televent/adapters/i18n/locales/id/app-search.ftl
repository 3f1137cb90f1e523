# Pencarian di Mini App (js/search.js).
search-open = Cari
search-title = Cari
search-label = Cari acara
search-placeholder = Judul, tempat, atau catatan
search-go = Cari
search-more = Tampilkan lagi
search-more-earlier = Hasil sebelumnya
search-upcoming = Mendatang
search-earlier = Sebelumnya
search-all-day = Sepanjang hari
search-no-title = (tanpa judul)
search-searching = Mencari…
search-nothing = Tidak ada yang cocok dengan “{ $q }” dari { $from } sampai { $to }.
search-found = { $count } acara ditemukan
search-error = Pencarian gagal. Coba lagi.

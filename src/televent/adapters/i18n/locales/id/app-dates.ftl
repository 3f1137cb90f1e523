# Kolom tanggal di Mini App (js/datefield.js): tanggal di formulir acara, hari terakhir sebuah
# pengulangan, hari libur; dan bulan tempat memilih hari.
date-field-invalid = { $field }: tulis tanggal, misalnya { $example }.
date-field-open = Pilih tanggal
date-field-previous-month = Bulan sebelumnya
date-field-next-month = Bulan berikutnya

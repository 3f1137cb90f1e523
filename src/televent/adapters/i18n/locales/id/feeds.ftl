# A calendar published as a feed (docs/adr/0022): what a busy-only feed calls every event,
# and the answer of an address that shows nothing (unknown, stopped, no longer allowed).
feed-busy = Sibuk
feed-not-found = Tidak ada kalender yang diterbitkan di alamat ini.

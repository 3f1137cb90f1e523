# A calendar published as a feed (docs/adr/0022): what a busy-only feed calls every event,
# and the answer of an address that shows nothing (unknown, stopped, no longer allowed).
feed-busy = Зайнято
feed-not-found = За цією адресою не опубліковано жодного календаря.

# A calendar published as a feed (docs/adr/0022): what a busy-only feed calls every event,
# and the answer of an address that shows nothing (unknown, stopped, no longer allowed).
feed-busy = Busy
feed-not-found = No calendar is published at this address.

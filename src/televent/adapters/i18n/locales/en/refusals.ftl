# Refusals people meet in ordinary use, said by the application's errors (TeleventError.worded)
# wherever they surface: the bot, the JSON API and the Mini App.
refusal-not-an-address = { $address } is not an email address.
refusal-address-ours = { $address } is one of Televent's own addresses, not yours.
refusal-address-taken = { $address } is linked to another account.
refusal-address-yours = { $address } is already linked to your account.
refusal-code-format = A code is six digits, like 123456.
refusal-code-wrong = { $left ->
    [one] Wrong code; { $left } try left.
   *[other] Wrong code; { $left } tries left.
}
refusal-code-last-try = Wrong code, and that was the last try: ask for a new code.
refusal-code-too-many = Too many wrong codes: ask for a new code.
refusal-code-expired = That code has expired (a code works for { $minutes } minutes): ask for a new one.
refusal-no-code = No code is waiting for you: ask for one first.
refusal-no-address = No email address is linked to your account.
refusal-codes-this-hour = { $minutes ->
    [one] You asked for { $count } codes in the last hour; try again in a minute.
   *[other] You asked for { $count } codes in the last hour; try again in { $minutes } minutes.
}
refusal-codes-today = Enough codes were asked for this address today; try again tomorrow.

# Requests to addresses people chose (a feed, another calendar server): adapters/outbound.
refusal-outbound-not-a-url = { $url } is not a web address.
refusal-outbound-scheme = Televent does not open { $scheme } addresses here; use { $allowed }.
refusal-outbound-private = { $host } leads to an address on a private or local network, which Televent does not connect to.
refusal-outbound-redirects = { $host } redirects too many times (more than { $limit }); Televent stopped following.
refusal-outbound-too-large = The answer from { $host } is larger than { $megabytes } MB, the most Televent reads.
refusal-outbound-timeout = { $host } did not answer within { $seconds } seconds.
refusal-outbound-connect = Televent could not reach { $host }.

## The JSON API's problem documents (adapters/api/problems.py): titles by status (English:
## HTTP's status phrases) and the details the API itself writes.

api-title-bad-request = Bad Request
api-title-unauthorized = Unauthorized
api-title-forbidden = Forbidden
api-title-not-found = Not Found
api-title-method-not-allowed = Method Not Allowed
api-title-conflict = Conflict
api-title-gone = Gone
api-title-precondition-failed = Precondition Failed
api-title-too-large = Request Entity Too Large
api-title-unsupported-media-type = Unsupported Media Type
api-title-unprocessable = Unprocessable Entity
api-title-too-many-requests = Too Many Requests
api-title-server-error = Internal Server Error
api-title-unavailable = Service Unavailable

api-detail-no-route = There is nothing at this address.
api-detail-wrong-method = This address does not take that method.
# $allowed: the methods it takes ("GET, POST")
api-detail-wrong-method-allowed = This address does not take that method (allowed: { $allowed }).
api-detail-too-large = The request body is larger than this server accepts.
api-detail-too-deep = The request body is nested more deeply than this server reads.
api-detail-server-error = Something went wrong on the server; it has been logged.
api-detail-invalid = The request is not valid.
# $field: the field or parameter as the request named it ("limit", "reminder_minutes");
# $source: where it was: query, header, cookie, path (the address) or body
api-detail-invalid-field = { $source ->
    [query] The request is not valid: check the query parameter “{ $field }”.
    [header] The request is not valid: check the header “{ $field }”.
    [cookie] The request is not valid: check the cookie “{ $field }”.
    [path] The request is not valid: check “{ $field }” in the address.
   *[body] The request is not valid: check the field “{ $field }” in its body.
}
api-detail-missing-field = { $source ->
    [query] The request is not valid: the query parameter “{ $field }” is missing.
    [header] The request is not valid: the header “{ $field }” is missing.
    [cookie] The request is not valid: the cookie “{ $field }” is missing.
    [path] The request is not valid: “{ $field }” is missing from the address.
   *[body] The request is not valid: its body has no field “{ $field }”.
}
# $field: a field of the body the address does not take
api-detail-unknown-field = The request is not valid: its body has an unknown field “{ $field }”, which this address does not take.
api-detail-invalid-body = The request is not valid: its body is not the shape this address takes.
api-detail-malformed-json = The request body is not valid JSON.
api-detail-not-json = The request body must be JSON (Content-Type: application/json).
api-detail-unknown-scheme = Unknown authorization scheme “{ $scheme }”: use tma or Basic.
api-detail-sign-in = Authentication required: Telegram Mini App init data (Authorization: tma ...), a device password (HTTP Basic) or a login link from the bot's /app.
api-detail-mini-app-off = Signing in from the Telegram Mini App is off on this server (TELEGRAM_BOT_TOKEN is not set); use a device password.
api-detail-not-registered = You have no Televent account yet: send /start to the bot first, then open the Mini App again.
api-detail-too-many-logins = Too many failed logins; retry in { $seconds } s.
api-detail-too-many-requests = Too many requests; retry in { $seconds } s.
api-detail-wrong-password = Wrong user name or device password.
api-detail-session-ended = The session has expired or ended: send /app to the bot for a new link.
api-detail-changes-expired = The changes token has expired or is unknown; fetch everything again without `since`.
api-detail-organizer-only = Only the organizer can change this event; answer it with POST /api/v1/events/{"{"}id{"}"}/rsvp.
api-detail-decline-instead = This invitation is not in your calendar; decline it with POST /api/v1/events/{"{"}id{"}"}/rsvp.
api-detail-blank-name = A name cannot be blank.
api-detail-control-characters = A name cannot hold control characters.

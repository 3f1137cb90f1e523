#!/bin/sh
# Makes the secrets compose.yaml reads, once: a random PostgreSQL password and the database
# URL that uses it, in ./secrets/ (readable by you only). An empty bot token file is made too:
# the bot stays off until you write your token into it. Existing files are kept.
set -eu
cd "$(dirname "$0")/.."
umask 077
mkdir -p secrets
if [ ! -s secrets/postgres_password ]; then
    python3 -c 'import secrets; print(secrets.token_urlsafe(24))' > secrets/postgres_password
fi
if [ ! -s secrets/database_url ]; then
    printf 'postgresql://televent:%s@postgres:5432/televent\n' \
        "$(cat secrets/postgres_password)" > secrets/database_url
fi
[ -e secrets/telegram_bot_token ] || : > secrets/telegram_bot_token
echo "secrets/: postgres_password, database_url, telegram_bot_token"

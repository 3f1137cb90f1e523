# Recusas sobre webhooks (TeleventError.worded): o detail da API JSON e o mini app.

refusal-webhooks-not-found = Webhook não encontrado.
refusal-webhooks-trigger = “{ $trigger }” não é um gatilho. Os gatilhos são: { $known }.
refusal-webhooks-no-trigger = Escolha pelo menos um gatilho: { $known }.
refusal-webhooks-url = O endereço de um webhook é uma URL de no máximo { $limit } caracteres.
refusal-webhooks-too-many = Você pode ter no máximo { $most } webhooks.
refusal-webhooks-since = “since” deve ser uma posição entre { $low } e { $high }.

# Recusas sobre feeds assinados (TeleventError.worded): no bot, no campo detail da API JSON e no Mini App.

refusal-subscriptions-not-a-url = Isso não é o endereço de um feed de calendário: ele começa com webcal:// ou https://.
refusal-subscriptions-url-too-long = O endereço de um feed tem no máximo { $most } caracteres.
refusal-subscriptions-too-many = Você pode assinar no máximo { $most } feeds.
refusal-subscriptions-already = Você já assina este feed.
refusal-subscriptions-not-subscribed = Este calendário não assina nenhum feed.
refusal-subscriptions-read-only = Este calendário mostra um feed: seus eventos só mudam quando o feed muda.
refusal-subscriptions-share-read-only = Este calendário mostra um feed: só pode ser compartilhado para visualização.
refusal-subscriptions-unknown-option = “{ $option }” não é uma opção de assinatura.
refusal-subscriptions-not-a-switch = { $option } é true ou false.
refusal-subscriptions-empty-name = O nome de um calendário não pode ficar vazio.

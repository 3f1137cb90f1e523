## As respostas de erro da API JSON: títulos por status e os detalhes que a própria API escreve.

api-title-bad-request = Requisição inválida
api-title-unauthorized = É preciso entrar
api-title-forbidden = Proibido
api-title-not-found = Não encontrado
api-title-method-not-allowed = Método não permitido
api-title-conflict = Conflito
api-title-gone = Não existe mais
api-title-precondition-failed = A pré-condição falhou
api-title-too-large = Requisição grande demais
api-title-unsupported-media-type = Tipo de conteúdo não aceito
api-title-unprocessable = Requisição recusada
api-title-too-many-requests = Requisições demais
api-title-server-error = Erro interno do servidor
api-title-unavailable = Serviço indisponível

api-detail-no-route = Não há nada neste endereço.
api-detail-wrong-method = Este endereço não aceita esse método.
api-detail-wrong-method-allowed = Este endereço não aceita esse método (permitidos: { $allowed }).
api-detail-too-large = O corpo da requisição é maior do que este servidor aceita.
api-detail-too-deep = O corpo da requisição tem mais níveis aninhados do que este servidor lê.
api-detail-server-error = Algo deu errado no servidor; isso foi registrado.
api-detail-invalid = A requisição não é válida.
api-detail-invalid-field = { $source ->
    [query] A requisição não é válida: verifique o parâmetro de consulta “{ $field }”.
    [header] A requisição não é válida: verifique o cabeçalho “{ $field }”.
    [cookie] A requisição não é válida: verifique o cookie “{ $field }”.
    [path] A requisição não é válida: verifique “{ $field }” no endereço.
   *[body] A requisição não é válida: verifique o campo “{ $field }” no corpo.
}
api-detail-missing-field = { $source ->
    [query] A requisição não é válida: falta o parâmetro de consulta “{ $field }”.
    [header] A requisição não é válida: falta o cabeçalho “{ $field }”.
    [cookie] A requisição não é válida: falta o cookie “{ $field }”.
    [path] A requisição não é válida: falta “{ $field }” no endereço.
   *[body] A requisição não é válida: falta o campo “{ $field }” no corpo.
}
api-detail-unknown-field = A requisição não é válida: o corpo tem um campo “{ $field }” que este endereço não aceita.
api-detail-invalid-body = A requisição não é válida: o corpo não tem o formato que este endereço aceita.
api-detail-malformed-json = O corpo da requisição não é um JSON válido.
api-detail-not-json = O corpo da requisição deve ser JSON (Content-Type: application/json).
api-detail-unknown-scheme = Esquema de autorização desconhecido “{ $scheme }”: use tma ou Basic.
api-detail-sign-in = É preciso entrar: os dados do Mini App do Telegram (Authorization: tma ...), uma senha de dispositivo (HTTP Basic) ou um link de login do /app do bot.
api-detail-mini-app-off = Entrar pelo Mini App do Telegram está desativado neste servidor (TELEGRAM_BOT_TOKEN não está definido); use uma senha de dispositivo.
api-detail-not-registered = Você ainda não tem conta no Televent: envie /start ao bot primeiro e depois abra o Mini App de novo.
api-detail-too-many-logins = Tentativas de login com erro demais; tente de novo em { $seconds } s.
api-detail-too-many-requests = Requisições demais; tente de novo em { $seconds } s.
api-detail-wrong-password = Usuário ou senha de dispositivo incorretos.
api-detail-session-ended = A sessão expirou ou terminou: envie /app ao bot para receber um novo link.
api-detail-changes-expired = O token de mudanças expirou ou é desconhecido; busque tudo de novo sem `since`.
api-detail-organizer-only = Só quem organiza pode mudar este evento; responda com POST /api/v1/events/{"{"}id{"}"}/rsvp.
api-detail-decline-instead = Este convite não está na sua agenda; recuse-o com POST /api/v1/events/{"{"}id{"}"}/rsvp.
api-detail-blank-name = O nome não pode ficar em branco.
api-detail-control-characters = Um nome não pode conter caracteres de controle.

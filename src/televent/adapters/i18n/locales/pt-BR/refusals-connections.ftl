# Recusas sobre contas de calendário conectadas em outros servidores (TeleventError.worded): o detalhe da API JSON, o bot e o Mini App.

refusal-connections-not-a-server = Esse não é o endereço de um servidor de calendário: informe a URL dele, seu e-mail ou o domínio dele.
refusal-connections-not-caldav = Nenhuma conta de calendário CalDAV responde ali. Confira o endereço (a página de ajuda do seu provedor o informa).
refusal-connections-unauthorized = { $host } recusou o nome de usuário ou a senha. Muitos provedores pedem aqui uma senha de app, não a sua senha de sempre.
refusal-connections-status = { $host } respondeu { $status } a uma solicitação de calendário.
refusal-connections-too-large = Esta agenda em { $host } tem mais do que o Televent lê em uma sincronização (mais de { $count } eventos ou { $megabytes } MB).
refusal-connections-no-username = Informe seu nome de usuário nesse servidor (no máximo { $most } caracteres).
refusal-connections-no-password = Informe a senha dessa conta (no máximo { $most } caracteres); muitos provedores exigem uma senha de app para isso.
refusal-connections-kind = Só contas CalDAV e do Google podem ser conectadas.
refusal-connections-too-many = Você pode conectar no máximo { $most } contas.
refusal-connections-already = Você já está conectado a esta conta.
refusal-connections-no-calendars = Essa conta não tem nenhum calendário de eventos para mostrar.
refusal-connections-not-found = Conexão não encontrada.
refusal-connections-calendar-taken = Este calendário já mostra outro.
refusal-connections-google-off = Este servidor não está configurado para conectar contas do Google.
refusal-connections-google-consent = Uma conta do Google é conectada pela tela de consentimento do Google: o endereço dela vem de /api/v1/connections/google/start.

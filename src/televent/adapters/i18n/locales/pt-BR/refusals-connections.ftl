# Recusas sobre contas de calendário conectadas em outros servidores (TeleventError.worded): o detalhe da API JSON, o bot e o Mini App.

refusal-connections-not-a-server = Esse não é o endereço de um servidor de calendário: informe a URL dele, seu e-mail ou o domínio dele.
refusal-connections-not-caldav = Nenhuma conta de calendário CalDAV responde ali. Confira o endereço (a página de ajuda do seu provedor o informa).
refusal-connections-unauthorized = { $host } recusou o nome de usuário ou a senha. Muitos provedores pedem aqui uma senha de app, não a sua senha de sempre.
refusal-connections-status = { $host } respondeu { $status } a uma solicitação de calendário.

# Refusals people meet in ordinary use, said by the application's errors (TeleventError.worded)
# wherever they surface: the bot, the JSON API and the Mini App.
refusal-not-an-address = { $address } não é um endereço de e-mail.
refusal-address-ours = { $address } é um dos endereços do próprio Televent, não o seu.
refusal-address-taken = { $address } está vinculado a outra conta.
refusal-address-yours = { $address } já está vinculado à sua conta.
refusal-code-format = Um código tem seis dígitos, como 123456.
refusal-code-wrong = { $left ->
    [one] Código errado; resta { $left } tentativa.
   *[other] Código errado; restam { $left } tentativas.
}
refusal-code-last-try = Código errado, e essa era a última tentativa: peça um novo código.
refusal-code-too-many = Códigos errados demais: peça um novo código.
refusal-code-expired = Esse código expirou (um código vale por { $minutes } minutos): peça um novo.
refusal-no-code = Nenhum código está esperando por você: peça um primeiro.
refusal-no-address = Nenhum endereço de e-mail está vinculado à sua conta.
refusal-codes-this-hour = { $minutes ->
    [one] Você pediu { $count } códigos na última hora; tente de novo daqui a um minuto.
   *[other] Você pediu { $count } códigos na última hora; tente de novo daqui a { $minutes } minutos.
}
refusal-codes-today = Já foram pedidos códigos suficientes para este endereço hoje; tente amanhã.

# Requisições a endereços que alguém escolheu (um feed, outro servidor de calendários): adapters/outbound.
refusal-outbound-not-a-url = { $url } não é um endereço web.
refusal-outbound-scheme = Endereços { $scheme } não são aceitos aqui; use { $allowed }.
refusal-outbound-private = { $host } leva a um endereço de rede privada ou local, ao qual o Televent não se conecta.
refusal-outbound-redirects = { $host } redireciona vezes demais (mais de { $limit }); o Televent parou de seguir.
refusal-outbound-too-large = A resposta de { $host } passa de { $megabytes } MB, o máximo que o Televent lê.
refusal-outbound-timeout = { $host } não respondeu em { $seconds } segundos.
refusal-outbound-connect = O Televent não conseguiu se conectar a { $host }.

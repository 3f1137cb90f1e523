# Refusals people meet in ordinary use, said by the application's errors (TeleventError.worded)
# wherever they surface: the bot, the JSON API and the Mini App.
refusal-not-an-address = { $address } no es una dirección de correo electrónico.
refusal-address-ours = { $address } es una de las direcciones del propio Televent, no la tuya.
refusal-address-taken = { $address } está vinculada a otra cuenta.
refusal-address-yours = { $address } ya está vinculada a tu cuenta.
refusal-code-format = Un código son seis cifras, como 123456.
refusal-code-wrong = { $left ->
    [one] Código incorrecto; queda { $left } intento.
   *[other] Código incorrecto; quedan { $left } intentos.
}
refusal-code-last-try = Código incorrecto, y era el último intento: pide un código nuevo.
refusal-code-too-many = Demasiados códigos incorrectos: pide un código nuevo.
refusal-code-expired = Ese código ha caducado (un código vale { $minutes } minutos): pide uno nuevo.
refusal-no-code = No tienes ningún código pendiente: pide uno primero.
refusal-no-address = No hay ninguna dirección de correo vinculada a tu cuenta.
refusal-codes-this-hour = { $minutes ->
    [one] Has pedido { $count } códigos en la última hora; inténtalo de nuevo dentro de un minuto.
   *[other] Has pedido { $count } códigos en la última hora; inténtalo de nuevo dentro de { $minutes } minutos.
}
refusal-codes-today = Hoy ya se han pedido bastantes códigos para esta dirección; inténtalo mañana.

# Peticiones a direcciones que eligió alguien (un feed, otro servidor de calendarios): adapters/outbound.
refusal-outbound-not-a-url = { $url } no es una dirección web.
refusal-outbound-scheme = Aquí no se aceptan direcciones { $scheme }; usa { $allowed }.
refusal-outbound-private = { $host } lleva a una dirección de una red privada o local, a la que Televent no se conecta.
refusal-outbound-redirects = { $host } redirige demasiadas veces (más de { $limit }); Televent dejó de seguirlo.
refusal-outbound-too-large = La respuesta de { $host } supera los { $megabytes } MB, lo máximo que lee Televent.
refusal-outbound-timeout = { $host } no respondió en { $seconds } segundos.
refusal-outbound-connect = Televent no pudo conectarse con { $host }.

# As senhas de dispositivos do Mini App (js/devices.js).
devices-title = Senhas de dispositivos
devices-intro = Para sincronizar com o calendário de um celular ou computador (CalDAV), adicione uma conta com:
devices-server = Servidor
devices-user = Usuário
devices-password = Senha
devices-password-hint = uma senha de dispositivo desta página
devices-name = Nome do dispositivo
devices-name-placeholder = Nome, por ex. iPhone
devices-add = Adicionar
devices-never = nunca
devices-used = adicionada em { $added }, último uso em { $used }
devices-revoke = Revogar
devices-revoke-label = Revogar { $name }
devices-revoke-question = Revogar a senha de “{ $name }”? Esse dispositivo para de sincronizar.
devices-revoked = { $name } revogada
devices-none = Ainda não há senhas de dispositivos.
devices-new-password = Senha para { $name } (mostrada só agora, copie):

google-consent-title = Conectar o Google Agenda
google-consent-connected = Sua conta do Google { $email } está conectada. As agendas dela aparecem no Televent em até um minuto; você pode fechar esta página.
google-consent-refused = Você não permitiu que o Televent usasse seu Google Agenda, então nada foi conectado.
google-consent-expired = Este link expirou ou já foi usado. Comece de novo pelo Televent.
google-consent-failed = O Google não concluiu a conexão. Tente de novo em alguns minutos.

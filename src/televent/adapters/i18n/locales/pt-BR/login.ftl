## A página do link de login do bot (GET /app/login?token=...), no idioma do navegador.

login-page-preview = Abra este link para entrar na sua agenda.
login-page-incomplete-title = Este link de login está incompleto
login-page-incomplete = Abra o link inteiro que o bot enviou, ou envie /app ao bot para receber um novo.
login-page-used-title = Este link de login não funciona mais
login-page-used = Um link de login funciona uma única vez e só por alguns minutos. Envie /app ao bot do Televent para receber um novo.

google-consent-title = Подключение Google Календаря
google-consent-connected = Ваша учётная запись Google { $email } подключена. Её календари появятся в Televent в течение минуты; эту страницу можно закрыть.
google-consent-refused = Вы не разрешили Televent пользоваться вашим Google Календарём, поэтому ничего не подключено.
google-consent-expired = Срок действия ссылки истёк, или она уже использована. Начните заново в Televent.
google-consent-failed = Google не завершил подключение. Попробуйте ещё раз через несколько минут.

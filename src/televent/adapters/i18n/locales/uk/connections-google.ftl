google-consent-title = Підключення Google Календаря
google-consent-connected = Ваш обліковий запис Google { $email } підключено. Його календарі з'являться в Televent протягом хвилини; цю сторінку можна закрити.
google-consent-refused = Ви не дозволили Televent користуватися вашим Google Календарем, тож нічого не підключено.
google-consent-expired = Термін дії посилання минув, або його вже використано. Почніть знову в Televent.
google-consent-failed = Google не завершив підключення. Спробуйте ще раз за кілька хвилин.

# Паролі пристроїв у Mini App (js/devices.js).
devices-title = Паролі пристроїв
devices-intro = Щоб синхронізувати календар телефона чи комп’ютера (CalDAV), додайте обліковий запис із такими даними:
devices-server = Сервер
devices-user = Ім’я користувача
devices-password = Пароль
devices-password-hint = пароль пристрою з цієї сторінки
devices-name = Назва пристрою
devices-name-placeholder = Назва, наприклад iPhone
devices-add = Додати
devices-never = ніколи
devices-used = додано { $added }, востаннє використано { $used }
devices-revoke = Відкликати
devices-revoke-label = Відкликати { $name }
devices-revoke-question = Відкликати пароль «{ $name }»? Цей пристрій перестане синхронізуватися.
devices-revoked = Пароль { $name } відкликано
devices-none = Паролів пристроїв поки немає.
devices-new-password = Пароль для { $name } (показано лише зараз — скопіюйте його):

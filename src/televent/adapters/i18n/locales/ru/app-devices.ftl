# Пароли устройств в Mini App (js/devices.js).
devices-title = Пароли устройств
devices-intro = Чтобы синхронизировать календарь телефона или компьютера (CalDAV), добавьте аккаунт с такими данными:
devices-server = Сервер
devices-user = Имя пользователя
devices-password = Пароль
devices-password-hint = пароль устройства с этой страницы
devices-name = Название устройства
devices-name-placeholder = Название, например iPhone
devices-add = Добавить
devices-never = никогда
devices-used = добавлен { $added }, последний вход { $used }
devices-revoke = Отозвать
devices-revoke-label = Отозвать { $name }
devices-revoke-question = Отозвать пароль «{ $name }»? Это устройство перестанет синхронизироваться.
devices-revoked = Пароль { $name } отозван
devices-none = Паролей устройств пока нет.
devices-new-password = Пароль для { $name } (показан только сейчас — скопируйте его):

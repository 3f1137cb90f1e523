# Die Gerätepasswörter der Mini App (js/devices.js).
devices-title = Gerätepasswörter
devices-intro = Zum Abgleich mit dem Kalender eines Handys oder Computers (CalDAV) ein Konto hinzufügen mit:
devices-server = Server
devices-user = Benutzername
devices-password = Passwort
devices-password-hint = ein Gerätepasswort von dieser Seite
devices-name = Gerätename
devices-name-placeholder = Gerätename, z. B. iPhone
devices-add = Hinzufügen
devices-never = nie
devices-used = hinzugefügt { $added }, zuletzt benutzt { $used }
devices-revoke = Widerrufen
devices-revoke-label = { $name } widerrufen
devices-revoke-question = Das Passwort von „{ $name }“ widerrufen? Das Gerät gleicht dann nicht mehr ab.
devices-revoked = { $name } widerrufen
devices-none = Noch keine Gerätepasswörter.
devices-new-password = Passwort für { $name } (nur jetzt sichtbar, kopier es):

# The Mini App: a calendar published as a feed, on its people screen (docs/adr/0022).
feeds-title = In anderen Kalender-Apps abonnieren
feeds-hint = Ein geheimer Link, den Google Kalender, Outlook oder Apple Kalender abonnieren können. Wer den Link hat, sieht diesen Kalender.
feeds-busy-only = Nur belegte Zeiten (ohne Titel und Details)
feeds-publish = Als Link veröffentlichen
feeds-publish-again = Neuer Link (der alte funktioniert nicht mehr)
feeds-published = Als Link veröffentlicht.
feeds-published-busy = Als Link veröffentlicht, nur belegte Zeiten.
feeds-not-published = Nicht veröffentlicht.
feeds-link = Link
feeds-copy = Link kopieren
feeds-copied = Link kopiert
feeds-once = Kopiere ihn jetzt: Der Link wird nur dieses eine Mal angezeigt.
feeds-stop = Nicht mehr veröffentlichen
feeds-stop-question = „{ $name }“ nicht mehr veröffentlichen? Apps, die den Link abonniert haben, bekommen ihn dann nicht mehr.
feeds-stopped = Der Link funktioniert nicht mehr.

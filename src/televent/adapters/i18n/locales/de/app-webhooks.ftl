# Webhooks in den Einstellungen der Mini-App (js/webhooks.js, docs/adr/0029).
webhooks-title = Webhooks
webhooks-intro = Televent schickt eine signierte Nachricht an deine Adresse, sobald etwas passiert, das du ausgewählt hast: für Automationen und deine eigenen Server.
webhooks-none = Noch keine Webhooks.
webhooks-active = Aktiv
webhooks-paused = Pausiert
webhooks-stopped = Von Televent pausiert
webhooks-paused-why = Pausiert: Nichts wird gesendet, bis du ihn fortsetzt; was sich bis dahin ändert, wartet 30 Tage auf ihn.
webhooks-stopped-why = Televent hat ihn pausiert, weil eine Nachricht nicht zugestellt werden konnte ({ $reason }). Setze ihn fort, um die wartenden Nachrichten erneut zu senden; sie warten 30 Tage.
webhooks-hears = Auslöser: { $triggers }
webhooks-waiting =
    { $count ->
        [0] Keine Nachrichten warten auf den Versand
        [one] { $count } Nachricht wartet auf den Versand
       *[other] { $count } Nachrichten warten auf den Versand
    }
webhooks-pause = Pausieren
webhooks-resume = Fortsetzen
webhooks-pause-label = Webhook an { $url } pausieren
webhooks-resume-label = Webhook an { $url } fortsetzen
webhooks-now-paused = Der Webhook an { $url } ist pausiert
webhooks-resumed = Der Webhook an { $url } ist wieder aktiv
webhooks-test = Test senden
webhooks-test-label = Testnachricht an { $url } senden
webhooks-testing = Testnachricht wird gesendet …
webhooks-test-delivered = Test zugestellt: Antwort { $status } nach { $ms } ms.
webhooks-test-refused = Test nicht zugestellt: Antwort { $status } nach { $ms } ms.
webhooks-test-failed = Test nicht zugestellt: { $error }
webhooks-deliveries = Zustellungen
webhooks-deliveries-label = Letzte Zustellungen an { $url }
webhooks-deliveries-title = Letzte Zustellungen
webhooks-deliveries-loading = Wird geladen …
webhooks-no-deliveries = Noch nichts gesendet.
webhooks-delivery-status = HTTP { $status }
webhooks-delivery-error = Fehlgeschlagen: { $error }
webhooks-delivery-took = { $ms } ms
webhooks-delivery-attempt = Versuch { $attempt }
webhooks-remove = Entfernen
webhooks-remove-label = Webhook an { $url } entfernen
webhooks-remove-question = Webhook an { $url } entfernen? Er erfährt nichts mehr, und noch nicht gesendete Nachrichten werden verworfen.
webhooks-removed = Webhook an { $url } entfernt
webhooks-new = Neuer Webhook
webhooks-url = Adresse (https://…)
webhooks-triggers = Eine Nachricht senden bei
webhooks-add = Webhook hinzufügen
webhooks-added = Webhook hinzugefügt: { $url }
webhooks-secret-for = Signaturschlüssel des Webhooks an { $url }:
webhooks-secret-once = Kopiere ihn jetzt: Er wird nur dieses eine Mal angezeigt. Dein Empfänger prüft damit, dass jede Nachricht von Televent kommt.
webhooks-secret-copy = Schlüssel kopieren
webhooks-secret-copied = Schlüssel kopiert
webhooks-secret-copy-prompt = Kopiere den Schlüssel:
webhooks-trigger-event-created = Termin erstellt
webhooks-trigger-event-updated = Termin geändert
webhooks-trigger-event-cancelled = Termin abgesagt
webhooks-trigger-event-deleted = Termin gelöscht
webhooks-trigger-rsvp-changed = Antwort auf eine Einladung
webhooks-trigger-booking-created = Buchung erstellt
webhooks-trigger-booking-rescheduled = Buchung verschoben
webhooks-trigger-booking-cancelled = Buchung storniert
webhooks-type-test = Testnachricht

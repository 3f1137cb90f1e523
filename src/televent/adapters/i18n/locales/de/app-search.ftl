# Die Suche der Mini App (js/search.js).
search-open = Suchen
search-title = Suche
search-label = Termine suchen
search-placeholder = Titel, Ort oder Notizen
search-go = Suchen
search-more = Mehr anzeigen
search-more-earlier = Frühere Ergebnisse
search-upcoming = Demnächst
search-earlier = Früher
search-all-day = Ganztägig
search-no-title = (ohne Titel)
search-searching = Suche läuft…
search-nothing = Nichts passt zu „{ $q }“ vom { $from } bis zum { $to }.
search-found = { $count ->
    [one] Ein Termin gefunden
   *[other] { $count } Termine gefunden
}
search-error = Die Suche ist fehlgeschlagen. Versuch es noch einmal.

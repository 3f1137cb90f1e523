# The Mini App's search (js/search.js).
search-open = Search
search-title = Search
search-label = Search events
search-placeholder = Title, place or notes
search-go = Search
search-more = Show more
search-more-earlier = Earlier results
search-upcoming = Upcoming
search-earlier = Earlier
search-all-day = All day
search-no-title = (no title)
search-searching = Searching…
search-nothing = Nothing matches “{ $q }” from { $from } to { $to }.
search-found = { $count ->
    [one] One event found
   *[other] { $count } events found
}
search-error = The search failed. Try again.

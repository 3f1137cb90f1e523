// Asks for the account and this week's events while the page's scripts are still loading (a
// classic script, run as soon as it arrives). The week is a guess in the browser's zone, one
// day wider on each side; the app uses the answer when it covers what it shows.
(function () {
  "use strict";
  var webApp = window.Telegram && window.Telegram.WebApp;
  var headers = { Accept: "application/json" };
  if (webApp && webApp.initData) headers.Authorization = "tma " + webApp.initData;
  var options = { headers: headers, credentials: "same-origin" };
  var prefetch = { me: fetch("/api/v1/me", options), events: null };
  var view = new URLSearchParams(window.location.search).get("view");
  if (!view || view === "week") {
    var now = new Date();
    var from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7) - 1);
    var to = new Date(from.getFullYear(), from.getMonth(), from.getDate() + 9);
    var query = new URLSearchParams({ start: from.toISOString(), end: to.toISOString(), limit: "500" });
    prefetch.events = {
      start: from.toISOString(), end: to.toISOString(),
      response: fetch("/api/v1/events?" + query.toString(), options),
    };
  }
  window.televentPrefetch = prefetch;
})();

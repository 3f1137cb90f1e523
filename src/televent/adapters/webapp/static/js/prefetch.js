// Asks for the account, this week's events and the app's words while the page's scripts are
// still loading (a classic script, run as soon as it arrives). The language is a first guess:
// the one this person last used here (remembered in localStorage), else their Telegram app's,
// else the browser's; the app checks it against /me. Until the words are in, a page in another
// language than the page's own English is kept hidden (at most a moment), so nobody sees it
// change language. The period is a guess in the browser's zone: the week, starting on the
// person's first day of the week, and the three days from today a narrow screen shows first
// (on a Friday they reach past a week that starts on Sunday), one day wider on each side; the
// app uses the answer when it covers what it shows.
(function () {
  "use strict";
  var LANGUAGES = ["en", "ru", "es", "pt-BR", "de", "uk", "id", "fa"];
  var KEY = "televent.speech";
  var webApp = window.Telegram && window.Telegram.WebApp;
  var inTelegram = Boolean(webApp && webApp.initData);
  var user = inTelegram && webApp.initDataUnsafe && webApp.initDataUnsafe.user;
  var headers = { Accept: "application/json" };
  if (inTelegram) headers.Authorization = "tma " + webApp.initData;
  var options = { headers: headers, credentials: "same-origin" };

  function supported(tag) {
    if (!tag) return null;
    var primary = String(tag).replace("_", "-").split("-")[0].toLowerCase();
    if (primary === "in") primary = "id";
    for (var i = 0; i < LANGUAGES.length; i += 1) {
      if (LANGUAGES[i].split("-")[0].toLowerCase() === primary) return LANGUAGES[i];
    }
    return null;
  }

  function remembered() {
    try {
      var speech = JSON.parse(window.localStorage.getItem(KEY) || "null");
      if (!speech || !supported(speech.language)) return null;
      if (user && speech.user && String(speech.user) !== String(user.id)) return null;
      return speech;
    } catch (error) {
      return null; // storage refused (private mode)
    }
  }

  function reported() {
    if (inTelegram) return supported(user && user.language_code);
    var asked = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; i < asked.length; i += 1) {
      if (supported(asked[i])) return supported(asked[i]);
    }
    return null;
  }

  var speech = remembered() || { language: reported() || "en", hourCycle: null, weekStart: null };
  speech.language = supported(speech.language) || "en";

  function catalogue(language) {
    return fetch("/app/i18n/" + language + ".ftl", { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("No catalogue for " + language);
      return response.text();
    });
  }
  var catalogues = { en: catalogue("en") };
  if (speech.language !== "en") catalogues[speech.language] = catalogue(speech.language);

  var root = document.documentElement;
  if (speech.language !== "en") {
    root.lang = speech.language;
    root.dir = speech.language === "fa" ? "rtl" : "ltr";
    root.style.visibility = "hidden"; // shown by the app once its words are in (CSSOM: no CSP issue)
    setTimeout(function () { root.style.visibility = ""; }, 3000);
  }

  function firstDay() {
    var chosen = { sun: 0, mon: 1, sat: 6 }[speech.weekStart];
    if (chosen !== undefined) return chosen;
    try {
      var locale = new Intl.Locale(speech.language);
      var info = locale.getWeekInfo ? locale.getWeekInfo() : locale.weekInfo;
      if (info && info.firstDay) return info.firstDay % 7;
    } catch (error) { /* an engine without week info */ }
    return 1;
  }

  var prefetch = {
    me: fetch("/api/v1/me", options), events: null, speech: speech, catalogues: catalogues,
  };
  var query = new URLSearchParams(window.location.search);
  var view = query.get("view");
  var linked = /^(\d{4})-(\d{2})-(\d{2})$/.exec(query.get("date") || ""); // the day the link opens on
  if (!view || view === "week" || view === "3day") {
    var now = linked ? new Date(+linked[1], linked[2] - 1, +linked[3]) : new Date();
    var back = (now.getDay() - firstDay() + 7) % 7;
    var from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - back - 1);
    var to = new Date(from.getFullYear(), from.getMonth(), from.getDate() + 9);
    var threeDays = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 4);
    if (threeDays > to) to = threeDays;
    var range = new URLSearchParams({ start: from.toISOString(), end: to.toISOString(), limit: "500" });
    prefetch.events = {
      start: from.toISOString(), end: to.toISOString(),
      response: fetch("/api/v1/events?" + range.toString(), options),
    };
  }
  window.televentPrefetch = prefetch;
})();

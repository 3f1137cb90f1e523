// The Mini App: boots the calendar at once, asks /me and the week's events in parallel, and
// moves between the calendar, an event's card, the event form, search, devices and settings.
// It speaks the person's language from the first paint (the guess js/prefetch.js made: the one
// they used here last, else their Telegram app's), then the one /me says, with their own clock
// and first day of the week; a change in the settings shows everything in the new one at once.
// Once signed in, changes made elsewhere show without a reload (js/live.js).

import { call, get, me as fetchMe, useInitData } from "./api.js";
import * as calendar from "./calendar.js";
import { renderCard, uninvite } from "./card.js";
import { bindBooking, isBooking, relabelBooking, saveAvailability, showBooking } from "./booking.js";
import {
  bindCalendars, bindPeople, focus, loadCalendars, relabelPeople, renderCalendars, renderNotice,
  showPeople, shownPeople,
} from "./calendars.js";
import { bindDevices, showDevices } from "./devices.js";
import { bindEmail, showEmail } from "./email.js";
import {
  askScope, bindForm, createBody, fillForm, patchBody, readForm, shiftSeries, writeQuery,
} from "./form.js";
import { supported, t, useLanguage } from "./i18n.js";
import { startLive } from "./live.js";
import { fillReminders, relabelReminders, withReminders } from "./reminders.js";
import { bindSearch, focusSearch, rerender as rerenderSearch } from "./search.js";
import {
  accountArrived, bindSettings, relabelSettings, saveSettings, showSettings,
} from "./settings.js";
import { calendarById, findItem, isRecurring, occurrenceOf, state } from "./state.js";
import * as tg from "./telegram.js";
import { addDays, addWallMinutes, fromWall, toWall } from "./tz.js";
import { $, choose, h, showScreen, toast } from "./ui.js";
import { bindWebhooks, relabelWebhooks, showWebhooks } from "./webhooks.js";

let formContext = null; // {item, scope, series} while the form is open
let back = null;
let cardBack = null; // where Back goes from an event's card (the calendar, or the search)

function fail(error) {
  if (error && error.status === 401) {
    showScreen("login");
    tg.setBack(null);
    tg.setMain(null);
    return;
  }
  toast(error && error.readable ? error.readable : String(error && error.message), "error");
}

function setNavigation(backTo, mainText = null, mainAction = null) {
  back = backTo;
  tg.setBack(backTo);
  tg.setMain(mainText, mainAction);
}

function goCalendar() {
  state.current = null;
  formContext = null;
  showScreen("calendar");
  setNavigation(null);
  if (eventInHash()) {
    history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
  }
  $("#calendar").focus({ preventScroll: true });
}

function openCalendars() {
  renderCalendars();
  showScreen("calendars");
  setNavigation(goCalendar);
  loadCalendars().catch(fail);
}

function openPeople(calendar) {
  showScreen("people");
  setNavigation(openCalendars);
  showPeople(calendar);
}

async function fetchEvent(id, occurrence) {
  const { data, etag } = await get(`/events/${encodeURIComponent(id)}`, occurrence ? { occurrence } : undefined);
  return { ...data, etag: data.etag || etag };
}

const cardActions = {
  edit: (item) => startEdit(item),
  remove: (item) => removeEvent(item),
  fail,
  async reload(fresh) {
    const item = state.current;
    try {
      state.current = fresh || await fetchEvent(item.id, occurrenceOf(item));
      renderCard(state.current, cardActions);
    } catch (error) {
      fail(error);
    }
    calendar.reload();
  },
  async uninvite(attendee) {
    try {
      if (await uninvite(state.current, attendee)) await cardActions.reload(null);
    } catch (error) {
      fail(error);
    }
  },
};

/** Show `item`'s card; Back goes to `backTo` (the calendar unless said). */
function openCard(item, backTo = goCalendar) {
  state.current = item;
  cardBack = backTo;
  renderCard(item, cardActions);
  showScreen("card");
  setNavigation(backTo);
  // A listing leaves a booking's details out: the event itself has them (booking.js).
  if (isBooking(item) && !("booking" in item)) {
    fetchEvent(item.id, occurrenceOf(item)).then((fresh) => {
      if (state.current !== item) return;
      state.current = { ...item, ...fresh };
      renderCard(state.current, cardActions);
    }, () => {});
  }
}

async function openEventById(id, occurrence = null) {
  try {
    openCard(await fetchEvent(id, occurrence));
  } catch (error) {
    fail(error);
  }
}

function openForm(options) {
  formContext = { item: options.item || null, scope: options.scope || null, series: options.series || null };
  fillForm(options);
  fillReminders(options.series || options.item || null);
  showScreen("form");
  const backTo = options.item ? () => openCard(options.item, cardBack || goCalendar) : goCalendar;
  setNavigation(backTo, t("main-save"), submitForm);
}

async function startEdit(item) {
  const scope = await askScope(item, "edit");
  if (!scope) return;
  let series = item;
  if (scope === "series" && occurrenceOf(item)) {
    try {
      series = await fetchEvent(item.id);
    } catch (error) {
      fail(error);
      return;
    }
  }
  openForm({ item, scope, series: scope === "occurrence" ? null : series });
}

/** After a refused write: say why; on 412 (changed elsewhere) show the fresh version. */
async function changed(error, item) {
  fail(error);
  if (error.status === 412) {
    calendar.reload();
    if (item) await openEventById(item.id, occurrenceOf(item));
  }
}

let saving = false;

async function submitForm(event) {
  if (event) event.preventDefault();
  if (saving || !formContext) return;
  const error = $("#form-error");
  let values;
  try {
    values = readForm();
  } catch (problem) {
    error.textContent = problem.message;
    error.hidden = false;
    return;
  }
  error.hidden = true;
  saving = true;
  tg.mainBusy(true);
  const { item, scope, series } = formContext;
  try {
    if (!item) {
      await call("POST", "/events", { body: withReminders(createBody(values), false) });
      toast(t("main-created"));
      calendar.goTo(values.start.slice(0, 10));
      goCalendar();
      calendar.reload();
    } else {
      const target = scope === "occurrence" ? item : series;
      const body = withReminders(patchBody(values, item, scope === "occurrence" ? null : series), true);
      const query = writeQuery(item, scope);
      await call("PATCH", `/events/${item.id}`, { body, query, etag: target.etag });
      toast(t("main-saved"));
      calendar.reload();
      if (isRecurring(item) && scope !== "occurrence") {
        goCalendar(); // every occurrence may have moved: the calendar shows where
      } else {
        openCard(item, cardBack || goCalendar);
        cardActions.reload(null);
      }
    }
  } catch (problem) {
    if (problem.status === 412 && item) await changed(problem, item);
    else {
      error.textContent = problem.readable || problem.message;
      error.hidden = false;
      fail(problem);
    }
  } finally {
    saving = false;
    tg.mainBusy(false);
  }
}

async function removeEvent(item) {
  let scope = "series";
  if (isRecurring(item)) {
    scope = await askScope(item, "delete");
  } else if (!(await choose(t("main-delete-question", { title: item.title || "" }),
    [["series", t("main-delete"), "danger"]]))) {
    scope = null;
  }
  if (!scope) return;
  const query = writeQuery(item, scope);
  try {
    await call("DELETE", `/events/${item.id}`, { query, etag: item.etag });
    toast(t("main-deleted"));
    goCalendar();
    calendar.reload();
  } catch (error) {
    await changed(error, item);
  }
}

/** A drag or resize in the calendar: PATCH the new times (asking which, for a series). */
async function move(key, startWall, endWall, allDay, revert) {
  const item = findItem(key);
  if (!item) return revert();
  const scope = await askScope(item, "move");
  if (!scope) return revert();
  const oldStart = item.all_day ? item.start.slice(0, 10) : toWall(item.start, state.tz);
  let start = allDay ? startWall.slice(0, 10) : startWall;
  let end = allDay ? endWall.slice(0, 10) : endWall;
  if (allDay && end <= start) end = addDays(start, 1); // a timed event dropped on the all-day row
  let etag = item.etag;
  try {
    if (scope === "series" && occurrenceOf(item) && allDay === Boolean(item.all_day)) {
      const series = await fetchEvent(item.id);
      ({ start, end } = shiftSeries(series, oldStart, start, end));
      etag = series.etag;
    }
    const body = { all_day: allDay, timezone: state.tz,
      start: allDay ? start : fromWall(start, state.tz), end: allDay ? end : fromWall(end, state.tz) };
    const query = writeQuery(item, scope);
    await call("PATCH", `/events/${item.id}`, { body, query, etag });
    toast(t("main-moved"));
  } catch (error) {
    revert();
    await changed(error, null);
  }
  calendar.reload();
}

function bind() {
  $("#prev").addEventListener("click", calendar.prev);
  $("#next").addEventListener("click", calendar.next);
  $("#today").addEventListener("click", calendar.goToday);
  $("#add").addEventListener("click", () => {
    const now = toWall(Date.now(), state.tz);
    const start = `${now.slice(0, 13)}:00:00`;
    openForm({ startWall: addWallMinutes(start, 60), endWall: addWallMinutes(start, 120) });
  });
  for (const button of document.querySelectorAll("[data-view]")) {
    button.addEventListener("click", () => calendar.setView(button.dataset.view));
  }
  for (const button of document.querySelectorAll("[data-back]")) {
    button.addEventListener("click", () => (back || goCalendar)());
  }
  $("#event-form").addEventListener("submit", submitForm);
  bindForm();
  $("#open-devices").addEventListener("click", () => {
    $("#new-password").hidden = true;
    showScreen("devices");
    setNavigation(goCalendar);
    showDevices(fail);
  });
  bindDevices(fail);
  $("#open-settings").addEventListener("click", () => {
    showSettings();
    showEmail();
    showScreen("settings");
    setNavigation(leaveSettings, t("main-save"), saveAll);
    showBooking(fail);
    showWebhooks(fail);
  });
  bindSettings({
    // a language, clock or first day picked but not saved yet: shown at once
    preview: (chosen) => speak({ ...chosen, language: chosen.language || automaticLanguage() }),
    autoLanguage: automaticLanguage,
  });
  $("#open-search").addEventListener("click", () => openSearch());
  bindSearch({ open: (item) => openCard(item, () => openSearch(false)), fail });
  bindBooking(fail);
  bindEmail(fail);
  bindWebhooks(fail);
  bindCalendars({
    changed: (reload) => (reload ? calendar.reload() : calendar.refreshFromCache()),
    fail, openCalendars, openPeople,
  });
  bindPeople();
  $("#open-calendars").addEventListener("click", openCalendars);
  $("#settings-form").addEventListener("submit", saveAll);
  document.addEventListener("keydown", (event) => {
    if (document.body.dataset.current !== "calendar" || event.target.closest("input, select, textarea, dialog")) return;
    if (event.key === "ArrowLeft") calendar.toLeft();
    else if (event.key === "ArrowRight") calendar.toRight();
    else if (event.key === "t") calendar.goToday();
  });
  window.addEventListener("hashchange", openFromHash);
  swipe($("#calendar"));
}

/** A horizontal swipe over the calendar moves to the previous or next period. */
function swipe(element) {
  let x0 = null;
  let y0 = null;
  element.addEventListener("touchstart", (event) => {
    if (event.touches.length !== 1) return;
    x0 = event.touches[0].clientX;
    y0 = event.touches[0].clientY;
  }, { passive: true });
  element.addEventListener("touchend", (event) => {
    if (x0 === null || document.body.classList.contains("dragging")) return;
    const dx = event.changedTouches[0].clientX - x0;
    const dy = event.changedTouches[0].clientY - y0;
    x0 = null;
    if (Math.abs(dx) > 60 && Math.abs(dy) < 40) (dx < 0 ? calendar.toRight : calendar.toLeft)();
  }, { passive: true });
}

// The bot's "Open" button points at /app/#event=<id>; Telegram adds its launch data to the same
// fragment (joined with "&", or after a second "#" in some clients), so the id is matched, not
// parsed as one query string.
function eventInHash() {
  const found = /(?:^|[#&?])event=([0-9a-fA-F-]{32,36})/.exec(window.location.hash);
  return found ? found[1] : "";
}

function openFromHash() {
  const id = eventInHash();
  if (id) openEventById(id);
}

// A group's calendar is opened with `startapp=cal_<id>` (or `#calendar=<id>` in a browser):
// that calendar alone is shown, when the user may see it.
function calendarInHash() {
  const found = /(?:^|[#&?])calendar=([0-9a-fA-F-]{32,36})/.exec(window.location.hash);
  return found ? found[1] : "";
}

function dashed(id) {
  const hex = id.replaceAll("-", "").toLowerCase();
  if (hex.length !== 32) return id.toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function focusCalendar(id) {
  const listed = calendarById(dashed(id));
  if (listed && listed.status === "invited") {
    toast(t("main-accept-first"));
    openCalendars();
    return;
  }
  try {
    const { data } = await get(`/calendars/${encodeURIComponent(dashed(id))}`);
    if (!calendarById(data.id)) state.calendars.push(data);
    focus(data.id);
  } catch (error) {
    if (error.status === 404) toast(t("main-calendar-unavailable"), "error");
    else fail(error);
  }
}

// --- settings and search -------------------------------------------------------------------

// Resolved once the account has arrived (or failed to) and the settings show it: a Save pressed
// before that waits, so that it sends the account's values, not the defaults shown meanwhile.
let accountShown;
const account = new Promise((resolve) => { accountShown = resolve; });

async function saveAll(event) {
  if (event) event.preventDefault();
  await account;
  try {
    await saveAvailability($("#settings-zone").value);
    const me = await saveSettings();
    if (me) {
      state.me = me;
      state.tz = me.timezone || state.tz;
      remember(speechOf(me));
      await speak(speechOf(me));
    }
    calendar.zoneChanged();
    calendar.reload();
    goCalendar();
    toast(t("settings-saved"));
  } catch (error) {
    fail(error);
  }
}

/** Back from the settings without saving: a language, clock or first day only tried goes. */
function leaveSettings() {
  if (state.me) speak(speechOf(state.me)).catch(() => {});
  goCalendar();
}

/** The search screen, its field ready for words (`typing`), or as it was left (back from a
 *  result's card: the phone's keyboard stays away). */
function openSearch(typing = true) {
  state.current = null;
  showScreen("search");
  setNavigation(goCalendar);
  if (typing) focusSearch();
}

// --- language ------------------------------------------------------------------------------

const SPEECH_KEY = "televent.speech"; // the language, clock and first day last used here
let spoken = null; // {language, hourCycle, weekStart} the app was last asked to speak
let speaking = Promise.resolve();

/** The language "automatic" means: the one the person's Telegram app reports (in Telegram);
 *  in a browser, the one /me says while they chose none (their Telegram's, as the bot saw it),
 *  else the browser's. */
function automaticLanguage() {
  const me = state.me;
  const fromMe = me && !(me.preferences || {}).language ? supported(me.language) : null;
  if (tg.inTelegram) return supported(tg.telegramLanguage()) || fromMe || "en";
  if (fromMe) return fromMe;
  const asked = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  return asked.map(supported).find(Boolean) || "en";
}

/** What js/prefetch.js guessed (and asked the words of), else the same guess made here. */
function firstSpeech() {
  const early = window.televentPrefetch && window.televentPrefetch.speech;
  return early || { language: automaticLanguage(), hourCycle: null, weekStart: null };
}

/** The language, clock and first day /me says (their choice, else the automatic language). */
function speechOf(me) {
  const preferences = me.preferences || {};
  return {
    language: (preferences.language && supported(me.language)) || automaticLanguage(),
    hourCycle: preferences.hour_cycle || null,
    weekStart: preferences.week_start || null,
  };
}

/** Remember them for the first paint of the next visit. */
function remember(speech) {
  try {
    const user = state.me ? String(state.me.telegram_id) : tg.telegramUser();
    localStorage.setItem(SPEECH_KEY, JSON.stringify({ ...speech, user }));
  } catch {
    // storage refused (private mode): the next visit guesses again
  }
}

/** Speak `wanted` ({language, hourCycle, weekStart}) from now on, everything on screen too;
 *  calls run one after the other, the latest wins. */
function speak(wanted) {
  const next = { language: supported(wanted.language) || "en", hourCycle: wanted.hourCycle || null,
    weekStart: wanted.weekStart || null };
  const same = spoken && ["language", "hourCycle", "weekStart"].every((key) => spoken[key] === next[key]);
  if (same) return speaking;
  spoken = next;
  speaking = speaking.catch(() => {}).then(async () => {
    if (spoken !== next) return; // a later choice supersedes this one
    try {
      await useLanguage(next.language, { hourCycle: next.hourCycle, weekStart: next.weekStart });
    } finally {
      document.documentElement.style.visibility = ""; // js/prefetch.js hid a page in another language
    }
    redraw();
  });
  return speaking;
}

/** Texts with /commands in them (data-i18n-rich): each /command in a <code>. */
function translateRich(root = document) {
  for (const element of root.querySelectorAll("[data-i18n-rich]")) {
    const parts = t(element.dataset.i18nRich).split(/(\/[a-z_]+)/);
    element.replaceChildren(...parts.map((part, i) => (i % 2 ? h("code", {}, part) : part)));
  }
}

/** Everything on screen again in the language, clock and first day now spoken. */
function redraw() {
  translateRich();
  if (calendar.languageChanged) calendar.languageChanged();
  renderNotice();
  relabelPeople();
  const screen = document.body.dataset.current;
  if (screen === "calendars") renderCalendars();
  else if (screen === "people" && shownPeople()) showPeople(shownPeople());
  else if (screen === "card" && state.current) renderCard(state.current, cardActions);
  else if (screen === "form") relabelReminders();
  else if (screen === "search") rerenderSearch();
  else if (screen === "devices") showDevices(fail);
  else if (screen === "settings") {
    relabelSettings();
    showEmail();
    relabelBooking(fail);
    relabelWebhooks();
    setNavigation(leaveSettings, t("main-save"), saveAll);
  }
  if (screen === "form") setNavigation(back, t("main-save"), submitForm);
  document.dispatchEvent(new CustomEvent("televent:language"));
}

async function boot() {
  tg.start();
  useInitData(tg.initData());
  const me = fetchMe(); // in flight while the words and the week come
  const words = speak(firstSpeech()).catch(() => {});
  let bound;
  const ready = new Promise((resolve) => { bound = resolve; });
  // Colours, switches and invitations, also in flight (an error is shown once /me answered).
  const calendars = loadCalendars(false, ready).then(() => null, (error) => error);
  await words;
  bind();
  const view = new URLSearchParams(window.location.search).get("view");
  calendar.mount($("#calendar"), {
    open: (key) => { const item = findItem(key); if (item) openCard(item); },
    create: (startWall, endWall, allDay) => openForm({ startWall, endWall, allDay }),
    move,
    onError: fail,
  }, view);
  bound();
  try {
    state.me = (await me).data;
  } catch (error) {
    fail(error);
    accountShown();
    settled();
    return;
  }
  // Settings opened before the account arrived showed nothing of it: show it now, keeping
  // what the person has already changed there.
  if (document.body.dataset.current === "settings") {
    accountArrived();
    showEmail();
  }
  accountShown();
  // Signed in: changes made elsewhere (CalDAV, the bot, another device) show as they happen.
  startLive(tg.initData());
  // The person's own language, clock and first weekday (nothing changes when the guess was right).
  remember(speechOf(state.me));
  await speak(speechOf(state.me)).catch(() => {});
  if (state.me.timezone && state.me.timezone !== state.tz) {
    state.tz = state.me.timezone;
    calendar.zoneChanged();
  } else {
    // the first, wider load (once it has landed) is asked again if it left something out
    calendar.whenLoaded().then(() => calendar.reload({ force: false }));
  }
  const deepLink = eventInHash() || tg.startEventId();
  if (deepLink) openEventById(deepLink);
  const refused = await calendars;
  if (refused) {
    fail(refused);
    settled();
    return;
  }
  const shown = calendarInHash() || tg.startCalendarId();
  if (shown) focusCalendar(shown);
  settled();
}

/** The first load is over: the person's words, zone and calendars are in, the period shown is
 *  loaded, and nothing of the start redraws the calendar any more (body.ready). */
async function settled() {
  await calendar.whenLoaded();
  requestAnimationFrame(() => document.body.classList.add("ready"));
}

boot();

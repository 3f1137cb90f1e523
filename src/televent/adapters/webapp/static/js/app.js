// The Mini App: boots the calendar at once, asks /me and the week's events in parallel, and
// moves between the calendar, an event's card, the event form, devices and settings.

import { call, get, me as fetchMe, useInitData } from "./api.js";
import * as calendar from "./calendar.js";
import { renderCard, uninvite } from "./card.js";
import { bindBooking, saveAvailability, showBooking } from "./booking.js";
import {
  bindCalendars, bindPeople, focus, loadCalendars, renderCalendars, showPeople,
} from "./calendars.js";
import { bindDevices, showDevices } from "./devices.js";
import { bindEmail, showEmail } from "./email.js";
import { bindForm, createBody, fillForm, patchBody, readForm, shiftSeries } from "./form.js";
import { saveSettings, showSettings } from "./settings.js";
import { calendarById, findItem, isRecurring, occurrenceOf, state } from "./state.js";
import * as tg from "./telegram.js";
import { addDays, addWallMinutes, fromWall, toWall } from "./tz.js";
import { $, choose, showScreen, toast } from "./ui.js";

let formContext = null; // {item, scope, series} while the form is open
let back = null;

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

function openCard(item) {
  state.current = item;
  renderCard(item, cardActions);
  showScreen("card");
  setNavigation(goCalendar);
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
  showScreen("form");
  const backTo = options.item ? () => openCard(options.item) : goCalendar;
  setNavigation(backTo, "Save", submitForm);
}

/** "occurrence", "series", or null when the person cancelled. */
async function askScope(item, verb) {
  if (!isRecurring(item)) return "series";
  return choose(`${verb} this repeating event:`, [
    ["occurrence", "Only this occurrence"],
    ["series", "All occurrences"],
  ]);
}

async function startEdit(item) {
  const scope = await askScope(item, "Edit");
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
      await call("POST", "/events", { body: createBody(values) });
      toast("Event created");
      calendar.goTo(values.start.slice(0, 10));
      goCalendar();
      calendar.reload();
    } else {
      const target = scope === "occurrence" ? item : series;
      const body = patchBody(values, item, scope === "occurrence" ? null : series);
      const query = scope === "occurrence" ? { occurrence: occurrenceOf(item) } : undefined;
      await call("PATCH", `/events/${item.id}`, { body, query, etag: target.etag });
      toast("Saved");
      calendar.reload();
      if (isRecurring(item) && scope !== "occurrence") {
        goCalendar(); // every occurrence may have moved: the calendar shows where
      } else {
        openCard(item);
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
    scope = await choose("Delete this repeating event:", [
      ["occurrence", "Only this occurrence", "danger"], ["series", "All occurrences", "danger"]]);
  } else if (!(await choose(`Delete “${item.title}”?`, [["series", "Delete", "danger"]]))) {
    scope = null;
  }
  if (!scope) return;
  const query = scope === "occurrence" ? { occurrence: occurrenceOf(item) } : undefined;
  try {
    await call("DELETE", `/events/${item.id}`, { query, etag: item.etag });
    toast("Deleted");
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
  const scope = await askScope(item, "Move");
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
    const query = scope === "occurrence" ? { occurrence: occurrenceOf(item) } : undefined;
    await call("PATCH", `/events/${item.id}`, { body, query, etag });
    toast("Moved");
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
  const saveAll = async (event) => {
    if (event) event.preventDefault();
    try {
      await saveAvailability($("#settings-zone").value);
      const me = await saveSettings();
      if (me) {
        state.me = me;
        state.tz = me.timezone || state.tz;
      }
      calendar.zoneChanged();
      calendar.reload();
      goCalendar();
    } catch (error) {
      fail(error);
    }
  };
  $("#open-settings").addEventListener("click", () => {
    showSettings();
    showEmail();
    showScreen("settings");
    setNavigation(goCalendar, "Save", saveAll);
    showBooking(fail);
  });
  bindBooking(fail);
  bindEmail(fail);
  bindCalendars({
    changed: (reload) => (reload ? calendar.reload() : calendar.refreshFromCache()),
    fail, openCalendars, openPeople,
  });
  bindPeople();
  $("#open-calendars").addEventListener("click", openCalendars);
  $("#settings-form").addEventListener("submit", saveAll);
  document.addEventListener("keydown", (event) => {
    if (document.body.dataset.current !== "calendar" || event.target.closest("input, select, textarea, dialog")) return;
    if (event.key === "ArrowLeft") calendar.prev();
    else if (event.key === "ArrowRight") calendar.next();
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
    if (Math.abs(dx) > 60 && Math.abs(dy) < 40) (dx < 0 ? calendar.next : calendar.prev)();
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
    toast("Accept the invitation to see this calendar.");
    openCalendars();
    return;
  }
  try {
    const { data } = await get(`/calendars/${encodeURIComponent(dashed(id))}`);
    if (!calendarById(data.id)) state.calendars.push(data);
    focus(data.id);
  } catch (error) {
    if (error.status === 404) toast("This calendar is not available to you.", "error");
    else fail(error);
  }
}

async function boot() {
  tg.start();
  useInitData(tg.initData());
  bind();
  const view = new URLSearchParams(window.location.search).get("view") || "week";
  const me = fetchMe(); // in flight while the calendar asks for the week
  // Colours, switches and invitations, also in flight (an error is shown once /me answered).
  const calendars = loadCalendars().then(() => null, (error) => error);
  calendar.mount($("#calendar"), {
    open: (key) => { const item = findItem(key); if (item) openCard(item); },
    create: (startWall, endWall, allDay) => openForm({ startWall, endWall, allDay }),
    move,
    onError: fail,
  }, view);
  try {
    state.me = (await me).data;
  } catch (error) {
    fail(error);
    return;
  }
  document.body.classList.add("ready");
  if (state.me.timezone && state.me.timezone !== state.tz) {
    state.tz = state.me.timezone;
    calendar.zoneChanged();
  }
  const deepLink = eventInHash() || tg.startEventId();
  if (deepLink) openEventById(deepLink);
  const refused = await calendars;
  if (refused) {
    fail(refused);
    return;
  }
  const shown = calendarInHash() || tg.startCalendarId();
  if (shown) focusCalendar(shown);
}

boot();

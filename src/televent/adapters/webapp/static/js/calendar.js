// The calendar views (EventCalendar, vendored): month, week, three days, day and agenda, fed by
// one GET /api/v1/events call per period, in the user's time zone; each event in its calendar's
// colour, the events of calendars switched off left out, read-only ones not draggable. Dates
// are written by the browser's Intl in the document's language (<html lang>), and the period's
// title takes the longest of its forms that fits the toolbar.

import { eventsBetween } from "./api.js";
import { colorOf, renderNotice, textOn } from "./calendars.js";
import { firstDay, t, uses12Hours } from "./i18n.js";
import { calendarById, canChange, isShown, occurrenceKey, state } from "./state.js";
import { addDays, fromWall, offsetMinutes, offsetText, toWall, today, wallMinutesBetween, wallOfDate } from "./tz.js";
import { $, h, locale } from "./ui.js";

// The views the switcher offers (its buttons' data-view), as the component's view and length.
// "3day" is the week's time grid three days long, starting on the day shown.
export const VIEWS = {
  month: { type: "dayGridMonth", duration: { months: 1 } },
  week: { type: "timeGridWeek", duration: { weeks: 1 } },
  "3day": { type: "timeGridWeek", duration: { days: 3 } },
  day: { type: "timeGridDay", duration: { days: 1 } },
  agenda: { type: "listMonth", duration: { months: 1 } },
};

// Below 600 CSS pixels three days are shown by default, the week above. Seven day columns
// beside the hour labels (about 45 px) need some 75 px each for a short word of an event's
// title ("Dentist", "Standup") at 11.5 px plus the event's padding: 7 x 75 + 45 = 570. Every
// phone held upright (320-430 px) and Telegram Desktop's narrow Mini App window are below
// that; a phone on its side and a tablet are above it.
const NARROW = window.matchMedia("(max-width: 599.98px)");

/** The link to the events a day of the month hides: "+2 more", or "+2" on a narrow screen. */
const moreLink = (info) => (NARROW.matches ? `+${info.num}` : t("calendar-more", { count: info.num }));

// The grid's geometry (EventCalendar's slotHeight per 30-minute slot), and the line height of
// an event's text in it (app.css: --ev-line), to know how many lines an event has room for.
const SLOT_HEIGHT = 40;
const EVENT_LINE = 15;
const EVENT_PADDING = 5; // the event's padding and border, top and bottom together

let ec = null;
let handlers = {};
let loadToken = 0;
let loading = Promise.resolve(); // the latest load of the period shown
let inFlight = null; // the period (padded) the latest load asks for, until it answers
let wanted = null; // wall-clock [start, end) the view shows
let wantedView = null; // and its type (the component's: "timeGridDay", "dayGridMonth", ...)
let mode = "week"; // the key in VIEWS shown
let chosen = false; // the person (or the link) picked the view: no switching on resize
let period = null; // {mode, first, last} dates "YYYY-MM-DD" of the period the title names

function zoneOffset() {
  return offsetText(offsetMinutes(Date.now(), state.tz));
}

/** An API event as the component's event: floating wall-clock times in the user's zone. */
function toCalendarEvent(item) {
  const allDay = Boolean(item.all_day);
  const start = allDay ? item.start.slice(0, 10) : toWall(item.start, state.tz);
  let end = item.end ? (allDay ? item.end.slice(0, 10) : toWall(item.end, state.tz)) : start;
  if (allDay && end <= start) end = addDays(start, 1);
  const classes = [];
  if (item.my_status) classes.push(`status-${String(item.my_status).toLowerCase()}`);
  if (item.recurrence) classes.push("recurring");
  const color = item.calendar ? colorOf(calendarById(item.calendar)) : null;
  const styles = color
    ? [`--ec-event-bg-color:${color}`, `--ec-event-text-color:${textOn(color)}`, `--cal-color:${color}`] : [];
  const editable = canChange(item);
  if (!editable) classes.push("read-only");
  return {
    id: occurrenceKey(item),
    title: item.title || t("calendar-no-title"),
    start, end, allDay, editable, startEditable: editable, durationEditable: editable,
    classNames: classes,
    styles,
    extendedProps: { key: occurrenceKey(item) },
  };
}

function render() {
  if (!ec) return;
  ec.setOption("events", state.items.filter(isShown).map(toCalendarEvent));
  if (!performance.getEntriesByName("televent-events-shown").length) {
    requestAnimationFrame(() => performance.mark("televent-events-shown"));
  }
}

function same(loaded, start, end) {
  return loaded && Date.parse(loaded.start) === Date.parse(start) &&
    Date.parse(loaded.end) === Date.parse(end);
}

function covers(loaded, start, end) {
  return loaded && Date.parse(loaded.start) <= Date.parse(start) &&
    Date.parse(loaded.end) >= Date.parse(end);
}

/** Load the occurrences of what is on screen (padded by a day on each side until /me answers,
 *  so that the first guess of the zone is wide enough; asked again then when it left something
 *  out: js/app.js). */
export async function reload({ force = true } = {}) {
  if (!wanted) return;
  const start = fromWall(`${wanted[0].slice(0, 10)}T00:00:00`, state.tz);
  const end = fromWall(`${wanted[1].slice(0, 10)}T00:00:00`, state.tz);
  // A window some series were listed in part for (their earliest occurrences only), or with
  // more occurrences than one load reads, is asked again for a shorter period, rather than
  // shown from what it holds; one with events that cannot be read too, so that the count said
  // is the period's.
  const whole = !state.leftOut.incomplete && !state.leftOut.unreadable && !state.leftOut.more;
  if (!force && covers(state.loaded, start, end) && (whole || same(state.loaded, start, end))) {
    if (inFlight && !covers(inFlight, start, end)) {
      // The load still on its way is for a period left already (back and forth quickly): its
      // answer must not replace these events. One for this period (fresher) is let land.
      ++loadToken;
      inFlight = null;
      document.body.classList.remove("loading");
    }
    render();
    return;
  }
  const token = ++loadToken;
  const asked = wanted;
  const shorter = wantedView !== "timeGridDay"; // a day's view is the shortest: none to advise
  let done;
  loading = new Promise((resolve) => { done = resolve; });
  const pad = state.me ? 0 : 1; // a day each side while the zone is a guess
  const from = fromWall(`${addDays(wanted[0].slice(0, 10), -pad)}T00:00:00`, state.tz);
  const to = fromWall(`${addDays(wanted[1].slice(0, 10), pad)}T00:00:00`, state.tz);
  inFlight = { start: from, end: to };
  document.body.classList.add("loading");
  try {
    const loaded = await eventsBetween(from, to);
    if (token !== loadToken) return;
    state.items = loaded.items;
    state.loaded = { start: loaded.start, end: loaded.end };
    state.leftOut = {
      unreadable: loaded.unreadable, incomplete: loaded.incomplete, by: loaded.by, more: loaded.more, shorter,
    };
    renderNotice();
    render();
    // Another period was chosen inside this one while it loaded, and this one left something
    // out: that period is asked for itself.
    const moved = wanted[0] !== asked[0] || wanted[1] !== asked[1];
    if (moved && (loaded.unreadable || loaded.incomplete || loaded.more)) queueMicrotask(() => reload({ force: false }));
  } catch (error) {
    if (token === loadToken) handlers.onError(error);
  } finally {
    if (token === loadToken) {
      inFlight = null;
      document.body.classList.remove("loading");
    }
    done();
  }
}

/** Settles once no load of the period shown is in flight (the latest one included). */
export async function whenLoaded() {
  let seen = null;
  while (loading !== seen) {
    seen = loading;
    await seen;
  }
}

// --- the period's title -------------------------------------------------------------------

// Each view's title forms, longest first (Intl options; a range for more than one day).
const TITLES = {
  month: [{ month: "long", year: "numeric" }, { month: "short", year: "numeric" },
    { month: "numeric", year: "numeric" }],
  range: [{ day: "numeric", month: "long", year: "numeric" }, { day: "numeric", month: "short", year: "numeric" },
    { day: "numeric", month: "short" }, { day: "numeric", month: "numeric" }],
  day: [{ weekday: "long", day: "numeric", month: "long", year: "numeric" },
    { weekday: "long", day: "numeric", month: "long" }, { weekday: "short", day: "numeric", month: "short" },
    { day: "numeric", month: "short" }, { day: "numeric", month: "numeric" }],
};

const utcDate = (date) => new Date(`${date}T00:00:00Z`);

/** The period's title in every form, longest first: "November 2026", "Nov 2026", "11/2026";
 *  "23–25 November 2026" ... "23/11–25/11"; in the document's language. A range across two
 *  years is also written without its years ("28 Dec – 3 Jan"; Intl's range adds them). */
function titleForms({ mode: shown, first, last }) {
  const kind = shown === "month" || shown === "agenda" ? "month" : shown === "day" ? "day" : "range";
  const [from, to] = [utcDate(first), utcDate(last)];
  return TITLES[kind].flatMap((options) => {
    const format = new Intl.DateTimeFormat(locale(), { ...options, timeZone: "UTC" });
    if (kind !== "range" || first === last) return [format.format(from)];
    const joined = `${format.format(from)} – ${format.format(to)}`;
    if (!format.formatRange) return [joined];
    return "year" in options ? [format.formatRange(from, to)] : [format.formatRange(from, to), joined];
  });
}

let probe = null; // a hidden copy of the title, to measure each form without showing it

/** The room the title has: its row's width less everything else on the row. */
function roomForTitle(title) {
  const row = title.parentElement;
  const style = getComputedStyle(title);
  let room = row.clientWidth - parseFloat(style.marginInlineStart) - parseFloat(style.marginInlineEnd);
  for (const other of row.children) {
    if (other !== title && other !== probe) room -= other.getBoundingClientRect().width;
  }
  return room;
}

/** Show the longest form of the title that fits, in the title's size, else in a smaller one
 *  (.tight); the shortest, smaller, when none does or when the toolbar is not laid out (it is
 *  fitted again once it is). The forms are measured in a hidden copy, so the title itself (a
 *  live region) changes only when its text does. */
function fitTitle() {
  if (!period) return;
  const title = $("#period-title");
  const forms = [...new Set(titleForms(period))];
  let fits = forms[forms.length - 1];
  let tight = true;
  if (title.clientWidth > 0) {
    if (!probe) {
      probe = h("span", { class: "title-probe", "aria-hidden": "true" });
      title.after(probe);
    }
    const room = roomForTitle(title);
    search: for (const small of [false, true]) {
      probe.classList.toggle("tight", small);
      for (const form of forms) {
        probe.textContent = form;
        if (probe.getBoundingClientRect().width <= room) {
          [fits, tight] = [form, small];
          break search;
        }
      }
    }
    probe.textContent = ""; // hidden, but it would still widen the page
  }
  title.classList.toggle("tight", tight);
  if (title.textContent !== fits) title.textContent = fits;
  title.title = forms[0];
}

function updateTitle(view) {
  const first = wallOfDate(view.currentStart).slice(0, 10);
  const last = addDays(wallOfDate(view.currentEnd).slice(0, 10), -1);
  period = { mode, first, last: last < first ? first : last };
  fitTitle();
  for (const button of document.querySelectorAll("[data-view]")) {
    button.setAttribute("aria-pressed", String(button.dataset.view === mode));
  }
}

// --- events -------------------------------------------------------------------------------

/** Title first (the time is on the grid already), broken only between words, in as many lines
 *  as the event has room for; an event too short for two lines shows its title on one line
 *  with the time beside it when there is room. */
function eventContent(info) {
  if (info.view.type.startsWith("list")) return undefined;
  const title = h("span", { class: "ev-title" }, info.event.title);
  if (info.event.allDay || info.view.type === "dayGridMonth") return { domNodes: [title] };
  const time = h("span", { class: "ev-time" }, info.timeText);
  const minutes = info.event.end
    ? wallMinutesBetween(wallOfDate(info.event.start), wallOfDate(info.event.end)) : 30;
  const lines = Math.max(1, Math.floor((minutes * SLOT_HEIGHT / 30 - EVENT_PADDING) / EVENT_LINE));
  if (lines === 1) return { domNodes: [h("span", { class: "ev-line" }, title, time)] };
  title.style.setProperty("--ev-lines", String(lines >= 3 ? lines - 1 : lines));
  return { domNodes: lines >= 3 ? [title, time] : [title] };
}

// --- views --------------------------------------------------------------------------------

/** The day headers: weekdays over the month; the weekday's narrow form when seven columns
 *  share a narrow screen (Persian's short weekdays are whole words: "سه‌شنبه"). */
function dayHeaderFormat(name) {
  if (name === "month") return { weekday: NARROW.matches ? "narrow" : "short" };
  return name === "week" && NARROW.matches
    ? { weekday: "narrow", day: "numeric" } : { weekday: "short", day: "numeric" };
}

function show(name) {
  if (!ec || !VIEWS[name]) return;
  mode = name;
  ec.setOption("view", VIEWS[name].type);
  ec.setOption("duration", VIEWS[name].duration);
  ec.setOption("dayHeaderFormat", dayHeaderFormat(name));
}

/** The view shown when none was chosen: three days on a narrow screen, else the week. */
export function defaultView() {
  return NARROW.matches ? "3day" : "week";
}

/** The day the app's link asks to open on (`?date=YYYY-MM-DD`), else null (today). */
function linkedDate() {
  const value = new URLSearchParams(window.location.search).get("date");
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value) ? value : null;
}

/** Build the calendar in `element`; `on` has open(key), create(startWall, endWall, allDay),
 *  move(key, startWall, endWall, revert) and onError(error). `view` (a key of VIEWS, from the
 *  app's link) is kept on every screen size; without it the screen's default is shown. It
 *  opens on the link's `date` when there is one, else today. */
export function mount(element, on, view = null) {
  handlers = on;
  chosen = Boolean(VIEWS[view]);
  mode = chosen ? view : defaultView();
  const { type, duration } = VIEWS[mode];
  ec = window.EventCalendar.create(element, {
    view: type,
    date: linkedDate() || today(state.tz),
    timeZone: zoneOffset(),
    locale: locale(),
    firstDay: firstDay(),
    headerToolbar: { start: "", center: "", end: "" },
    height: "100%",
    nowIndicator: true,
    dayMaxEvents: true,
    editable: true,
    selectable: true,
    scrollTime: "08:00:00",
    slotHeight: SLOT_HEIGHT,
    eventTimeFormat: clockFormat(),
    slotLabelFormat: clockFormat(true),
    dayHeaderFormat: dayHeaderFormat(mode),
    allDayContent: t("calendar-all-day"),
    moreLinkContent: moreLink,
    views: { [type]: { duration } }, // the first view's length (three days or a week)
    eventContent,
    noEventsContent: t("calendar-nothing-planned"),
    events: [],
    datesSet(info) {
      wanted = [info.startStr, info.endStr];
      wantedView = info.view.type;
      updateTitle(info.view);
      reload({ force: false });
    },
    eventClick(info) {
      on.open(info.event.extendedProps.key);
    },
    dateClick(info) {
      if (info.view.type === "dayGridMonth") {
        const date = wallOfDate(info.date).slice(0, 10);
        on.create(`${date}T09:00:00`, `${date}T10:00:00`, false);
      }
    },
    select(info) {
      on.create(wallOfDate(info.start), wallOfDate(info.end), info.allDay);
      ec.unselect();
    },
    eventDrop(info) {
      on.move(info.event.extendedProps.key, wallOfDate(info.event.start),
        wallOfDate(info.event.end || info.event.start), info.event.allDay, info.revert);
    },
    eventResize(info) {
      on.move(info.event.extendedProps.key, wallOfDate(info.event.start),
        wallOfDate(info.event.end), info.event.allDay, info.revert);
    },
  });
  watchLayout();
  return ec;
}

/** Fit the title again when the toolbar's width changes (a turned phone, the calendar screen
 *  shown again); follow the screen's default view until the person picks one; write dates in
 *  the document's language when it changes. */
function watchLayout() {
  const toolbar = $(".calendar-screen .period");
  if (window.ResizeObserver && toolbar) new ResizeObserver(() => fitTitle()).observe(toolbar);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(() => fitTitle());
  NARROW.addEventListener("change", () => {
    if (!chosen && (mode === "week" || mode === "3day")) show(defaultView());
    else ec.setOption("dayHeaderFormat", dayHeaderFormat(mode));
  });
  new MutationObserver(() => {
    ec.setOption("locale", locale());
    fitTitle();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
}

/** Times in the person's clock (js/i18n.js): "9:00 AM" or "09:00"; the hours beside the grid
 *  (`hours`) as "9 AM" on a 12-hour clock, which keeps that column narrow. */
function clockFormat(hours = false) {
  const twelve = uses12Hours();
  if (twelve && hours) return { hour: "numeric", hour12: true };
  return { hour: twelve ? "numeric" : "2-digit", minute: "2-digit", hour12: twelve };
}

/** The person's language, clock or first day of the week changed (js/i18n.js): redraw in them. */
export function languageChanged() {
  if (!ec) return;
  ec.setOption("locale", locale());
  ec.setOption("firstDay", firstDay());
  ec.setOption("eventTimeFormat", clockFormat());
  ec.setOption("slotLabelFormat", clockFormat(true));
  ec.setOption("allDayContent", t("calendar-all-day"));
  ec.setOption("noEventsContent", t("calendar-nothing-planned"));
  render();
  fitTitle();
}

/** The user's zone became known or changed: show the same events in it. */
export function zoneChanged() {
  if (!ec) return;
  ec.setOption("timeZone", zoneOffset());
  reload({ force: false });
}

/** Show the view `name` (a key of VIEWS), as the person chose it. */
export function setView(name) {
  if (!VIEWS[name]) return;
  chosen = true;
  show(name);
}

export const prev = () => ec && ec.prev();
export const next = () => ec && ec.next();

const rightToLeft = () => getComputedStyle(document.documentElement).direction === "rtl";
/** The period on that side of this one, as the arrow keys and swipes mean it: the previous
 *  one is on the left in a left-to-right document, on the right in a right-to-left one. */
export const toLeft = () => (rightToLeft() ? next() : prev());
export const toRight = () => (rightToLeft() ? prev() : next());
export const goToday = () => ec && ec.setOption("date", today(state.tz));
export const goTo = (date) => ec && ec.setOption("date", date);
export const refreshFromCache = render;

// The calendar views (EventCalendar, vendored): month, week, day and agenda, fed by one
// GET /api/v1/events call per period, in the user's time zone; each event in its calendar's
// colour, the events of calendars switched off left out, read-only ones not draggable.

import { eventsBetween } from "./api.js";
import { colorOf, textOn } from "./calendars.js";
import { calendarById, canChange, isShown, occurrenceKey, state } from "./state.js";
import { addDays, fromWall, offsetMinutes, offsetText, toWall, today, wallOfDate } from "./tz.js";
import { $, h } from "./ui.js";

export const VIEWS = {
  month: "dayGridMonth",
  week: "timeGridWeek",
  day: "timeGridDay",
  agenda: "listMonth",
};

let ec = null;
let handlers = {};
let loadToken = 0;
let wanted = null; // wall-clock [start, end) the view shows

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
    title: item.title || "(no title)",
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

function covers(loaded, start, end) {
  return loaded && Date.parse(loaded.start) <= Date.parse(start) &&
    Date.parse(loaded.end) >= Date.parse(end);
}

/** Load the occurrences of what is on screen (padded by a day on each side, so that the first
 *  guess of the zone, made before /me answers, is wide enough). */
export async function reload({ force = true } = {}) {
  if (!wanted) return;
  const start = fromWall(`${wanted[0].slice(0, 10)}T00:00:00`, state.tz);
  const end = fromWall(`${wanted[1].slice(0, 10)}T00:00:00`, state.tz);
  if (!force && covers(state.loaded, start, end)) {
    render();
    return;
  }
  const token = ++loadToken;
  const from = fromWall(`${addDays(wanted[0].slice(0, 10), -1)}T00:00:00`, state.tz);
  const to = fromWall(`${addDays(wanted[1].slice(0, 10), 1)}T00:00:00`, state.tz);
  document.body.classList.add("loading");
  try {
    const loaded = await eventsBetween(from, to);
    if (token !== loadToken) return;
    state.items = loaded.items;
    state.loaded = { start: loaded.start, end: loaded.end };
    render();
  } catch (error) {
    if (token === loadToken) handlers.onError(error);
  } finally {
    if (token === loadToken) document.body.classList.remove("loading");
  }
}

function updateTitle(view) {
  $("#period-title").textContent = view.title;
  for (const button of document.querySelectorAll("[data-view]")) {
    button.setAttribute("aria-pressed", String(VIEWS[button.dataset.view] === view.type));
  }
}

/** Title first (the time is on the grid already), so that narrow columns show what it is. */
function eventContent(info) {
  if (info.view.type.startsWith("list")) return undefined;
  const nodes = [h("span", { class: "ev-title" }, info.event.title)];
  if (!info.event.allDay && info.view.type !== "dayGridMonth") {
    nodes.push(h("span", { class: "ev-time" }, info.timeText));
  }
  return { domNodes: nodes };
}

/** Build the calendar in `element`; `on` has open(key), create(startWall, endWall, allDay),
 *  move(key, startWall, endWall, revert) and onError(error). */
export function mount(element, on, view = "week") {
  handlers = on;
  ec = window.EventCalendar.create(element, {
    view: VIEWS[view] || VIEWS.week,
    date: today(state.tz),
    timeZone: zoneOffset(),
    firstDay: 1,
    headerToolbar: { start: "", center: "", end: "" },
    height: "100%",
    nowIndicator: true,
    dayMaxEvents: true,
    editable: true,
    selectable: true,
    scrollTime: "08:00:00",
    slotHeight: 40,
    eventTimeFormat: { hour: "2-digit", minute: "2-digit", hour12: false },
    slotLabelFormat: { hour: "2-digit", minute: "2-digit", hour12: false },
    dayHeaderFormat: { weekday: "short", day: "numeric" },
    views: {
      dayGridMonth: { dayHeaderFormat: { weekday: "short" } },
      timeGridWeek: { titleFormat: { month: "short", day: "numeric" } },
      timeGridDay: { titleFormat: { weekday: "short", month: "short", day: "numeric" } },
    },
    eventContent,
    noEventsContent: "Nothing planned",
    events: [],
    datesSet(info) {
      wanted = [info.startStr, info.endStr];
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
  return ec;
}

/** The user's zone became known or changed: show the same events in it. */
export function zoneChanged() {
  if (!ec) return;
  ec.setOption("timeZone", zoneOffset());
  reload({ force: false });
}

export function setView(name) {
  if (ec && VIEWS[name]) ec.setOption("view", VIEWS[name]);
}

export const prev = () => ec && ec.prev();
export const next = () => ec && ec.next();
export const goToday = () => ec && ec.setOption("date", today(state.tz));
export const goTo = (date) => ec && ec.setOption("date", date);
export const refreshFromCache = render;

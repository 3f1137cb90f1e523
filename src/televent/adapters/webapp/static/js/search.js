// Search: words in an event's title, place or notes (GET /api/v1/events?q=), from a year back to
// two years ahead. The API answers one window of at most 366 days at a time, in pages (the
// cursor), so upcoming events are read window after window from today until a screenful is
// found, and the past year on its own, latest first. Results are grouped by day, in the
// person's language; tapping one opens its card.

import { get } from "./api.js";
import { colorOf } from "./calendars.js";
import { dateFormat, t, timeOptions } from "./i18n.js";
import { calendarById, occurrenceKey, state } from "./state.js";
import { addDays, fromWall, toWall, today } from "./tz.js";
import { $, h } from "./ui.js";

const PAGE = 100;
const SCREENFUL = 40; // upcoming occurrences read before "Show more"
const PAST_PAGES = 5; // the past year: its latest 500 matches at most
const TYPING_DELAY = 350; // ms after the last key before searching
const WINDOW_DAYS = 365;

let search = null; // the search under way: {q, upcoming: {windows, cursor, items}, past: {...}}
let handlers = { open() {}, fail() {} };
let timer = null;

/** The windows [start, end) of a stream, each at most a year, as RFC 3339 instants. */
function windows(fromDate, years) {
  const list = [];
  let start = fromDate;
  for (let i = 0; i < years; i += 1) {
    const end = addDays(start, WINDOW_DAYS);
    list.push([fromWall(`${start}T00:00:00`, state.tz), fromWall(`${end}T00:00:00`, state.tz)]);
    start = end;
  }
  return list;
}

function stream(list) {
  return { windows: list, index: 0, cursor: null, items: [], done: list.length === 0 };
}

/** Read pages of `from` until it holds `wanted` items more (or it is exhausted). */
async function read(from, q, wanted, token) {
  const goal = from.items.length + wanted;
  while (!from.done && from.items.length < goal) {
    const [start, end] = from.windows[from.index];
    const { data } = await get("/events", { q, start, end, cursor: from.cursor || undefined, limit: PAGE });
    if (token !== search) return;
    for (const item of (data && data.items) || []) {
      // an event across two windows is listed by both
      if (!token.seen.has(occurrenceKey(item))) from.items.push(item);
      token.seen.add(occurrenceKey(item));
    }
    from.cursor = data && data.next_cursor;
    if (!from.cursor) {
      from.index += 1;
      from.done = from.index >= from.windows.length;
    }
  }
}

function dayOf(item) {
  return item.all_day ? item.start.slice(0, 10) : toWall(item.start, state.tz).slice(0, 10);
}

function dayHeading(date) {
  const format = dateFormat({ weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return format.format(new Date(`${date}T00:00:00Z`));
}

function timeOf(item) {
  if (item.all_day) return t("search-all-day");
  const format = dateFormat(timeOptions({ timeZone: state.tz }));
  const start = new Date(item.start);
  const end = new Date(item.end || item.start);
  const sameDay = dayOf({ ...item, start: item.end || item.start }) === dayOf(item);
  return sameDay ? `${format.format(start)} – ${format.format(end)}` : format.format(start);
}

function result(item) {
  const calendar = item.calendar ? calendarById(item.calendar) : null;
  const color = colorOf(calendar);
  return h("li", {},
    h("button", {
      type: "button", class: "search-hit", onclick: () => handlers.open(item),
    },
    h("span", { class: "swatch", style: color ? `background:${color}` : null, "aria-hidden": "true" }),
    h("span", { class: "hit-text" },
      h("span", { class: "who" }, item.title || t("search-no-title")),
      h("span", { class: "hint" }, [timeOf(item), item.location].filter(Boolean).join(" · ")))));
}

/** Items (in start order) grouped by day: a heading and a list per day; the latest day first
 *  with `latestFirst`. */
function grouped(items, latestFirst = false) {
  const days = [];
  for (const item of items) {
    const day = dayOf(item);
    if (!days.length || days[days.length - 1].day !== day) days.push({ day, items: [] });
    days[days.length - 1].items.push(item);
  }
  if (latestFirst) days.reverse();
  return days.map(({ day, items: those }) => h("section", { class: "search-day", dataset: { day } },
    h("h4", {}, dayHeading(day)),
    h("ul", { class: "devices search-hits" }, those.map(result))));
}

function render() {
  const root = $("#search-results");
  const status = $("#search-status");
  const more = $("#search-more");
  if (!search) {
    root.replaceChildren();
    status.textContent = "";
    more.hidden = true;
    return;
  }
  const upcoming = search.upcoming.items;
  const past = search.past.items;
  const parts = [];
  if (upcoming.length) parts.push(h("h3", {}, t("search-upcoming")), ...grouped(upcoming));
  if (past.length) parts.push(h("h3", {}, t("search-earlier")), ...grouped(past, true));
  root.replaceChildren(...parts);
  more.hidden = search.busy || search.upcoming.done;
  if (search.error) status.textContent = t("search-error");
  else if (search.busy && !upcoming.length && !past.length) status.textContent = t("search-searching");
  else if (!upcoming.length && !past.length) status.textContent = t("search-nothing", { q: search.q });
  else status.textContent = t("search-found", { count: upcoming.length + past.length });
}

/** Search for `q` (words typed), replacing what was shown. */
export async function run(q) {
  const words = q.trim();
  clearTimeout(timer);
  if (!words) {
    search = null;
    render();
    return;
  }
  const day = today(state.tz);
  const token = {
    q: words,
    upcoming: stream(windows(day, 2)),
    past: stream(windows(addDays(day, -WINDOW_DAYS), 1)),
    seen: new Set(),
    busy: true,
    error: null,
  };
  search = token;
  render();
  try {
    await Promise.all([
      read(token.upcoming, words, SCREENFUL, token),
      read(token.past, words, PAST_PAGES * PAGE, token),
    ]);
  } catch (error) {
    if (token !== search) return;
    token.error = error;
    handlers.fail(error);
  }
  if (token !== search) return;
  token.busy = false;
  render();
}

async function more() {
  const token = search;
  if (!token || token.busy) return;
  token.busy = true;
  render();
  try {
    await read(token.upcoming, token.q, SCREENFUL, token);
  } catch (error) {
    if (token === search) handlers.fail(error);
  }
  if (token !== search) return;
  token.busy = false;
  render();
}

/** Show the search screen's words again (a new language or clock). */
export function rerender() {
  render();
}

/** Put the cursor in the field (the screen was just shown). */
export function focusSearch() {
  const input = $("#search-q");
  input.focus();
  input.select();
}

/** `on`: open(item) when a result is tapped, fail(error). */
export function bindSearch(on) {
  handlers = on;
  const input = $("#search-q");
  $("#search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    input.blur(); // the phone's keyboard goes away, the results show
    run(input.value);
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const words = input.value.trim();
    if (words.length < 2) {
      if (!words) run("");
      return;
    }
    timer = setTimeout(() => run(input.value), TYPING_DELAY);
  });
  $("#search-more").addEventListener("click", more);
}

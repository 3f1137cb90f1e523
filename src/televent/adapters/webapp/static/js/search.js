// Search: words in an event's title, place or notes (GET /api/v1/events?q=), over any range.
// The API answers one window of at most 366 days at a time, in pages (the cursor): upcoming
// events are read year after year from today until a screenful is found ("Show more" goes on
// later), and past ones year after year back ("Earlier results"), each at most HORIZON_YEARS
// away. A first search reads the next two years and the past year; the status says which days
// were searched. Results are grouped by day, in the person's language; tapping one opens its card.

import { get } from "./api.js";
import { colorOf } from "./calendars.js";
import { dateFormat, t, timeOptions } from "./i18n.js";
import { calendarById, occurrenceKey, state } from "./state.js";
import { addDays, fromWall, toWall, today } from "./tz.js";
import { $, h } from "./ui.js";

const PAGE = 100;
const SCREENFUL = 40; // occurrences read before "Show more" / "Earlier results"
const TYPING_DELAY = 350; // ms after the last key before searching
const WINDOW_DAYS = 365;
const HORIZON_YEARS = 30; // how far a search may go either way
const FIRST_YEARS = { upcoming: 2, past: 1 }; // what a new search reads before it is asked for more

let search = null; // the search under way: {q, upcoming: stream, past: stream, ...}
let handlers = { open() {}, fail() {} };
let timer = null;

/** A stream of year-long windows from the day `from`, forwards (`step` 1) or backwards (-1),
 *  each read in pages; `reach` is the far edge of what has been read so far (a date). */
function stream(from, step) {
  return { from, step, index: 0, cursor: null, items: [], done: false, reach: from };
}

/** The stream's current window [start, end) as dates. */
function windowOf(from) {
  const near = addDays(from.from, from.step * from.index * WINDOW_DAYS);
  const far = addDays(near, from.step * WINDOW_DAYS);
  return from.step > 0 ? [near, far] : [far, near];
}

/** Read pages of `from` until it holds `wanted` items more, it has read `years` more windows,
 *  or it reached the horizon. */
async function read(from, q, wanted, token, years = HORIZON_YEARS) {
  const goal = from.items.length + wanted;
  const last = Math.min(from.index + years, HORIZON_YEARS);
  while (!from.done && from.index < last && from.items.length < goal) {
    const [start, end] = windowOf(from);
    const { data } = await get("/events", {
      q, start: fromWall(`${start}T00:00:00`, state.tz), end: fromWall(`${end}T00:00:00`, state.tz),
      cursor: from.cursor || undefined, limit: PAGE,
    });
    if (token !== search) return;
    const found = [];
    for (const item of (data && data.items) || []) {
      // an event across two windows is listed by both
      if (!token.seen.has(occurrenceKey(item))) found.push(item);
      token.seen.add(occurrenceKey(item));
    }
    from.items.push(...found); // in no particular order: sorted when shown
    from.cursor = data && data.next_cursor;
    if (!from.cursor) {
      from.reach = from.step > 0 ? end : start;
      from.index += 1;
      from.done = from.index >= HORIZON_YEARS;
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

/** Where an occurrence starts on the person's wall clock, for sorting ("YYYY-MM-DDTHH:MM:SS"). */
function wallStart(item) {
  return item.all_day ? `${item.start.slice(0, 10)}T00:00:00` : toWall(item.start, state.tz);
}

/** Items grouped by day in start order: a heading and a list per day; the latest day first
 *  with `latestFirst`. */
function grouped(items, latestFirst = false) {
  const days = [];
  const sorted = items.map((item) => [wallStart(item), item]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, item] of sorted) {
    const day = dayOf(item);
    if (!days.length || days[days.length - 1].day !== day) days.push({ day, items: [] });
    days[days.length - 1].items.push(item);
  }
  if (latestFirst) days.reverse();
  return days.map(({ day, items: those }) => h("section", { class: "search-day", dataset: { day } },
    h("h4", {}, dayHeading(day)),
    h("ul", { class: "devices search-hits" }, those.map(result))));
}

/** A date as the search's status says it ("Nov 24, 2026", "24. Nov. 2026"), in the person's language. */
function shortDate(date) {
  return dateFormat({ day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
    .format(new Date(`${date}T00:00:00Z`));
}

/** The button that reads earlier results, made once beside "Show more". */
function earlierButton() {
  let button = $("#search-earlier");
  if (!button) {
    button = h("button", { type: "button", id: "search-earlier", class: "wide", hidden: true, onclick: earlier });
    $("#search-more").after(button);
  }
  button.textContent = t("search-more-earlier");
  return button;
}

function render() {
  const root = $("#search-results");
  const status = $("#search-status");
  const more = $("#search-more");
  const older = earlierButton();
  if (!search) {
    root.replaceChildren();
    status.textContent = "";
    more.hidden = true;
    older.hidden = true;
    return;
  }
  const upcoming = search.upcoming.items;
  const past = search.past.items;
  const parts = [];
  if (upcoming.length) parts.push(h("h3", {}, t("search-upcoming")), ...grouped(upcoming));
  if (past.length) parts.push(h("h3", {}, t("search-earlier")), ...grouped(past, true));
  root.replaceChildren(...parts);
  more.hidden = search.busy || search.upcoming.done;
  older.hidden = search.busy || search.past.done;
  // The days searched so far: from the far edge of the past read to that of the upcoming.
  const span = { from: shortDate(search.past.reach), to: shortDate(addDays(search.upcoming.reach, -1)) };
  if (search.error) status.textContent = t("search-error");
  else if (search.busy && !upcoming.length && !past.length) status.textContent = t("search-searching");
  else if (!upcoming.length && !past.length) status.textContent = t("search-nothing", { q: search.q, ...span });
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
    q: words, upcoming: stream(day, 1), past: stream(day, -1), seen: new Set(), busy: true, error: null,
  };
  search = token;
  render();
  await reading(token, () => Promise.all([
    read(token.upcoming, words, SCREENFUL, token, FIRST_YEARS.upcoming),
    read(token.past, words, SCREENFUL, token, FIRST_YEARS.past),
  ]));
}

/** Run `work` (reads of `token`'s streams) with the screen showing it busy, then the results. */
async function reading(token, work) {
  token.busy = true;
  render();
  try {
    await work();
  } catch (error) {
    if (token !== search) return;
    token.error = error;
    handlers.fail(error);
  }
  if (token !== search) return;
  token.busy = false;
  render();
}

/** "Show more": the next screenful of later results, however far ahead (to the horizon). */
async function more() {
  const token = search;
  if (!token || token.busy) return;
  await reading(token, () => read(token.upcoming, token.q, SCREENFUL, token));
}

/** "Earlier results": the next screenful of past results, however far back (to the horizon). */
async function earlier() {
  const token = search;
  if (!token || token.busy) return;
  await reading(token, () => read(token.past, token.q, SCREENFUL, token));
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

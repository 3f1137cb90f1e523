// A date as the person writes it: one text field for every date the app asks for (the event
// form's start and end, the last day of a repetition, a day off in the booking hours), shown in
// the person's language and digits ("Nov 24, 2026", "24 нояб. 2026 г.", "۲۴ نوامبر ۲۰۲۶"),
// never in the browser's locale as a native <input type="date"> is. It reads what people type:
// the form it shows, ISO "2026-11-24", and day, month and year as numbers in the order of the
// person's language ("11/24/2026" in English, "24.11.2026" in German, "۲۰۲۶/۱۱/۲۴" in
// Persian), month names, Persian or Arabic-Indic digits; it hands the rest of the app
// "YYYY-MM-DD". What it cannot read is marked invalid (aria-invalid) and never taken for
// another date. A button beside it opens a month to pick a day from, whose weeks start on the
// person's first day of the week (js/i18n.js), in their language, by touch or keyboard.
//
//   upgradeDateField($("#f-start-date"))    a field already in the page
//   dateValue(input)    "2026-11-24"; "" when empty; null when it is not a date (then marked)
//   readDate(input)     the same, without marking the field (while someone is typing)
//   setDate(input, "2026-11-24")

import { dateFormat, firstDay, language, t } from "./i18n.js";
import { state } from "./state.js";
import { today } from "./tz.js";
import { asciiDigits, fieldName, markField } from "./ui.js";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
// Years read from what is typed: a Solar Hijri year ("۱۴۰۵/۰۹/۰۳") is refused rather than
// taken for a day six centuries ago.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;
const ANY_SUNDAY = Date.UTC(2024, 0, 7);
const DAY = 86400000;

const pad = (number) => String(number).padStart(2, "0");

/** Midnight UTC of "YYYY-MM-DD", as a number for Intl; null when it is not such a date. */
function utc(iso) {
  const match = ISO.exec(String(iso || ""));
  if (!match) return null;
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.getTime();
}

/** "YYYY-MM-DD" of a UTC midnight. */
function isoOf(ms) {
  const date = new Date(ms);
  return `${String(date.getUTCFullYear()).padStart(4, "0")}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function daysIn(year, month) {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** "YYYY-MM-DD" when year, month and day make a date in the years read, else null. */
function dayOf(year, month, day) {
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR && month >= 1 && month <= 12)) return null;
  if (!(day >= 1 && day <= daysIn(year, month))) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "2026-11-24" in the person's language: "Nov 24, 2026", "24. Nov. 2026"... Anything else is
 *  given back as it is. */
export function formatDate(iso) {
  const ms = utc(iso);
  if (ms === null) return String(iso ?? "");
  const format = dateFormat({ day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return format.format(ms).replace(/[\u00a0\u202f]/g, " ");
}


/** A word as it is compared: lower case, no dots or invisible marks, Arabic letters written
 *  the Persian way ("ي" is "ی"). */
function bare(text) {
  return text.normalize("NFKC").toLocaleLowerCase().replace(/[.\p{Cf}]/gu, "")
    .replace(/ي/g, "ی").replace(/ك/g, "ک").trim();
}

let words = { key: null };

/** The current language's month and weekday names (and English's), the little words its dates
 *  are written with ("de", "г."), and the order of day, month and year in its numeric dates. */
function vocabulary() {
  const key = language();
  if (words.key === key) return words;
  const months = new Map(); // name -> 1..12
  const longMonths = new Map(); // long names, for a typed beginning ("sept", "noviem")
  const weekdays = new Set();
  const fillers = new Set();
  let order = ["month", "day", "year"];
  for (const tag of [null, "en"]) {
    const format = (options) => (tag ? new Intl.DateTimeFormat(tag, options) : dateFormat(options));
    for (let month = 1; month <= 12; month += 1) {
      const ms = Date.UTC(2024, month - 1, 15);
      for (const width of ["long", "short"]) {
        const alone = bare(format({ month: width, timeZone: "UTC" }).format(ms));
        const inDate = format({ day: "numeric", month: width, timeZone: "UTC" }).formatToParts(ms)
          .filter((part) => part.type === "month").map((part) => bare(part.value));
        for (const name of [alone, ...inDate]) {
          if (!name) continue;
          months.set(name, month);
          if (width === "long") longMonths.set(name, month);
        }
      }
    }
    for (let day = 0; day < 7; day += 1) {
      for (const width of ["long", "short"]) {
        weekdays.add(bare(format({ weekday: width, timeZone: "UTC" }).format(ANY_SUNDAY + day * DAY)));
      }
    }
    if (tag) continue;
    for (const options of [
      { day: "numeric", month: "short", year: "numeric" },
      { day: "numeric", month: "long", year: "numeric" },
      { month: "long", year: "numeric" },
    ]) {
      for (const part of format({ ...options, timeZone: "UTC" }).formatToParts(Date.UTC(2026, 10, 24))) {
        if (part.type !== "literal") continue;
        for (const word of bare(part.value).match(/\p{L}+/gu) || []) fillers.add(word);
      }
    }
    order = format({ day: "numeric", month: "numeric", year: "numeric", timeZone: "UTC" })
      .formatToParts(Date.UTC(2026, 10, 24))
      .map((part) => part.type).filter((type) => ["day", "month", "year"].includes(type));
  }
  words = { key, months, longMonths, weekdays, fillers, order };
  return words;
}

/** The month a word names (1..12), or null: a name, or the beginning of one (three letters at
 *  least) that only one month has. */
function monthNamed(word, { months, longMonths }) {
  if (months.has(word)) return months.get(word);
  if (word.length < 3) return null;
  const found = new Set([...longMonths].filter(([name]) => name.startsWith(word)).map(([, month]) => month));
  return found.size === 1 ? [...found][0] : null;
}

/** A year as typed: four digits, or two (2000 and after). */
function yearOf(digits) {
  if (digits.length === 4) return Number(digits);
  if (digits.length === 2) return 2000 + Number(digits);
  return null;
}

/** What a person typed as "YYYY-MM-DD", or null when it is not a date: "2026-11-24", the form
 *  the field shows ("Nov 24, 2026", "24 нояб. 2026 г."), numbers in the language's order
 *  ("11/24/2026" in English, "24.11.26" in German), year first ("2026/11/24"), a month's name
 *  ("24 November", this year), Persian or Arabic-Indic digits. `year` is the year of a date
 *  typed without one (this year when not given). */
export function parseDate(text, { year = null } = {}) {
  const plain = asciiDigits(String(text ?? "").normalize("NFKC")).replace(/\p{Cf}/gu, "").trim();
  if (!plain) return null;
  const iso = ISO.exec(plain) || /^(\d{4})(\d{2})(\d{2})$/.exec(plain);
  if (iso) return dayOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const vocab = vocabulary();
  const tokens = plain.match(/\p{L}[\p{L}\p{M}]*|\d+/gu) || [];
  const numbers = tokens.filter((token) => /^\d/.test(token));
  const named = [];
  for (const token of tokens.filter((item) => !/^\d/.test(item))) {
    const word = bare(token);
    const month = monthNamed(word, vocab);
    if (month !== null) named.push({ word, month });
    else if (!vocab.weekdays.has(word) && !vocab.fillers.has(word)) return null;
  }
  // A word that is both a month and a weekday ("mar" in Spanish) is the weekday beside a month.
  const months = named.length > 1 ? named.filter(({ word }) => !vocab.weekdays.has(word)) : named;
  if (months.length > 1) return null;
  const thisYear = year ?? Number(today(state.tz).slice(0, 4));
  const dayFirst = vocab.order.indexOf("day") < vocab.order.indexOf("year");
  if (months.length === 1) {
    const month = months[0].month;
    if (numbers.length === 1 && numbers[0].length <= 2) return dayOf(thisYear, month, Number(numbers[0]));
    if (numbers.length !== 2) return null;
    let [day, yearText] = numbers;
    if (day.length > 2 || (yearText.length <= 2 && !dayFirst)) [day, yearText] = [yearText, day];
    if (day.length > 2) return null;
    return dayOf(yearOf(yearText), month, Number(day));
  }
  if (numbers.some((number) => number.length > 4)) return null;
  if (numbers.length === 2) {
    if (numbers.some((number) => number.length > 2)) return null;
    const [first, second] = vocab.order.filter((part) => part !== "year");
    const found = { [first]: Number(numbers[0]), [second]: Number(numbers[1]) };
    return dayOf(thisYear, found.month, found.day);
  }
  if (numbers.length !== 3) return null;
  let order = vocab.order;
  if (numbers[0].length > 2) order = ["year", "month", "day"]; // "2026/11/24" everywhere
  else if (numbers[2].length > 2 && order[2] !== "year") order = ["day", "month", "year"];
  const found = Object.fromEntries(order.map((part, at) => [part, numbers[at]]));
  if (found.day.length > 2 || found.month.length > 2) return null;
  return dayOf(yearOf(found.year), Number(found.month), Number(found.day));
}


/** A date to show as an example: the 24th of November this year (the day after the month, so
 *  that the order of both shows). */
function example() {
  return formatDate(`${today(state.tz).slice(0, 4)}-11-24`);
}

/** The catalogue's words for what is wrong with the field's text. */
export function invalidDateMessage(input) {
  return t("date-field-invalid", { field: fieldName(input), example: example() });
}

function mark(input, valid) {
  markField(input, valid ? null : invalidDateMessage(input));
}

// Fields whose date the app wrote while the person was elsewhere (an end following its start):
// the whole date is selected when they come to it, so that what they type replaces it.
const rewritten = new WeakSet();

/** Show `iso` ("YYYY-MM-DD", or "" for none) in the person's language. */
export function setDate(input, iso) {
  const value = utc(iso) === null ? "" : iso;
  if (picker && picker.input === input) closePicker();
  if (document.activeElement !== input) rewritten.add(input);
  input.dataset.date = value;
  input.value = value ? formatDate(value) : "";
  mark(input, true);
}

/** The field's date as "YYYY-MM-DD", "" when it is empty, null when what is written is not a
 *  date; the field is left as it is (for reading while someone types). */
export function readDate(input) {
  const text = input.value.trim();
  if (!text) return "";
  // The date as it was shown: given back as it was set, whatever its year.
  if (input.dataset.date && text === formatDate(input.dataset.date)) return input.dataset.date;
  return parseDate(text);
}

/** The field's date as "YYYY-MM-DD"; "" when it is empty; null when what is written is not a
 *  date, or nothing is in a required field (the field is then marked invalid, with the
 *  catalogue's message). */
export function dateValue(input) {
  const value = readDate(input);
  if (value === "") {
    mark(input, !input.required);
    return input.required ? null : "";
  }
  mark(input, value !== null);
  return value;
}

/** Written again in the current language: a valid date in its new form, anything else as typed. */
function redraw(input) {
  input.placeholder = example();
  const box = input.closest(".datefield");
  const opener = box && box.querySelector(".datefield-open");
  if (opener) opener.setAttribute("aria-label", t("date-field-open"));
  if (input.getAttribute("aria-invalid") === "true") {
    mark(input, false); // the message in the new words
    return;
  }
  if (input.dataset.date) input.value = formatDate(input.dataset.date);
}

// --- the month to pick a day from ---------------------------------------------------------------

let picker = null; // {input, box, dialog, opener, focus: "YYYY-MM-DD"} while one is open
let count = 0;

function svg(tag, attributes) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

/** A calendar page, drawn in the text's colour. */
function icon() {
  const drawing = svg("svg", { viewBox: "0 0 24 24", width: "20", height: "20", "aria-hidden": "true", focusable: "false" });
  drawing.append(
    svg("rect", { x: "3.5", y: "5", width: "17", height: "15", rx: "2.5", fill: "none", stroke: "currentColor", "stroke-width": "1.6" }),
    svg("path", { d: "M3.5 10h17M8 3v4M16 3v4", fill: "none", stroke: "currentColor", "stroke-width": "1.6", "stroke-linecap": "round" }),
  );
  return drawing;
}

function element(tag, attributes = {}, text = null) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  if (text !== null) node.textContent = text;
  return node;
}

/** "2026-11-24" moved by `days` days, or by `months` months (the day kept where the month has
 *  it, else its last). */
function moved(iso, { days = 0, months = 0 }) {
  const ms = utc(iso);
  if (months) {
    const date = new Date(ms);
    const index = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(Math.min(date.getUTCDate(), daysIn(year, month)))}`;
  }
  return isoOf(ms + days * DAY);
}

/** The weekday names of the head of the grid: short ones, or the narrowest where a
 *  language's short names are whole words (Persian's). */
function weekdayHeads(first) {
  const short = dateFormat({ weekday: "short", timeZone: "UTC" });
  const long = dateFormat({ weekday: "long", timeZone: "UTC" });
  const days = [0, 1, 2, 3, 4, 5, 6].map((i) => ANY_SUNDAY + ((first + i) % 7) * DAY);
  const names = days.map((ms) => short.format(ms));
  const narrow = names.some((name) => name.length > 4) ? dateFormat({ weekday: "narrow", timeZone: "UTC" }) : null;
  return days.map((ms, i) => ({ text: narrow ? narrow.format(ms) : names[i], name: long.format(ms) }));
}

/** Lay out the month of `picker.focus`, its first column the person's first day of the week. */
function render() {
  const { dialog, input, focus } = picker;
  const [year, month] = focus.split("-").map(Number);
  const chosen = readDate(input);
  const now = today(state.tz);
  const start = utc(`${focus.slice(0, 7)}-01`);
  dialog.querySelector(".datefield-month").textContent =
    dateFormat({ month: "long", year: "numeric", timeZone: "UTC" }).format(start);
  const first = firstDay();
  const head = element("tr");
  for (const { text, name } of weekdayHeads(first)) {
    const cell = element("th", { scope: "col", abbr: name, "aria-label": name }, text);
    head.append(cell);
  }
  dialog.querySelector("thead").replaceChildren(head);
  const number = dateFormat({ day: "numeric", timeZone: "UTC" });
  const words = dateFormat({ weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const lead = (new Date(start).getUTCDay() - first + 7) % 7;
  const cells = [];
  for (let i = 0; i < lead; i += 1) cells.push(element("td"));
  for (let day = 1; day <= daysIn(year, month); day += 1) {
    const iso = `${focus.slice(0, 7)}-${pad(day)}`;
    const ms = utc(iso);
    const cell = element("td", { "aria-selected": String(iso === chosen) });
    const button = element("button", {
      type: "button", class: "datefield-day", tabindex: iso === focus ? "0" : "-1",
      "aria-label": words.format(ms), "data-date": iso,
    }, number.format(ms));
    if (iso === now) button.setAttribute("aria-current", "date");
    if (iso === chosen) button.setAttribute("aria-pressed", "true");
    cell.append(button);
    cells.push(cell);
  }
  while (cells.length % 7) cells.push(element("td"));
  const rows = [];
  for (let at = 0; at < cells.length; at += 7) {
    const row = element("tr");
    row.append(...cells.slice(at, at + 7));
    rows.push(row);
  }
  dialog.querySelector("tbody").replaceChildren(...rows);
  dialog.querySelector(".datefield-previous").setAttribute("aria-label", t("date-field-previous-month"));
  dialog.querySelector(".datefield-next").setAttribute("aria-label", t("date-field-next-month"));
}

/** Keep the month inside the screen: moved sideways where it would stick out, and opened
 *  above the field when there is room there and none below. */
function place() {
  const { dialog, box } = picker;
  dialog.classList.remove("datefield-above");
  dialog.style.transform = "";
  const width = document.documentElement.clientWidth;
  const rect = dialog.getBoundingClientRect();
  let shift = 0;
  if (rect.right > width - 8) shift = width - 8 - rect.right;
  if (rect.left + shift < 8) shift = 8 - rect.left;
  if (shift) dialog.style.transform = `translateX(${Math.round(shift)}px)`;
  const field = box.getBoundingClientRect();
  if (rect.bottom > window.innerHeight && field.top - rect.height - 4 >= 0) {
    dialog.classList.add("datefield-above");
  } else if (rect.bottom > window.innerHeight) {
    dialog.scrollIntoView({ block: "nearest" });
  }
}

function focusDay(iso) {
  const month = picker.focus.slice(0, 7);
  picker.focus = iso;
  if (iso.slice(0, 7) !== month) render();
  for (const button of picker.dialog.querySelectorAll(".datefield-day")) {
    button.tabIndex = button.dataset.date === iso ? 0 : -1;
  }
  const button = picker.dialog.querySelector(`.datefield-day[data-date="${iso}"]`);
  if (button) button.focus();
}

function pick(iso) {
  const { input, opener } = picker;
  closePicker();
  setDate(input, iso);
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
  opener.focus();
}

function onKey(event) {
  if (!picker) return;
  if (event.key === "Escape") {
    event.preventDefault();
    event.stopPropagation();
    const { opener } = picker;
    closePicker();
    opener.focus();
    return;
  }
  const day = event.target.closest(".datefield-day");
  if (!day) return;
  const rtl = getComputedStyle(picker.dialog).direction === "rtl";
  const iso = day.dataset.date;
  const weekday = (new Date(utc(iso)).getUTCDay() - firstDay() + 7) % 7;
  const moves = {
    ArrowLeft: { days: rtl ? 1 : -1 },
    ArrowRight: { days: rtl ? -1 : 1 },
    ArrowUp: { days: -7 },
    ArrowDown: { days: 7 },
    Home: { days: -weekday },
    End: { days: 6 - weekday },
    PageUp: event.shiftKey ? { months: -12 } : { months: -1 },
    PageDown: event.shiftKey ? { months: 12 } : { months: 1 },
  };
  if (!moves[event.key]) return;
  event.preventDefault();
  focusDay(moved(iso, moves[event.key]));
}

/** Open the month of the field's date (today's when it holds none) under the field. */
export function openPicker(input) {
  closePicker();
  const box = input.closest(".datefield");
  const opener = box.querySelector(".datefield-open");
  count += 1;
  const id = `datefield-${count}`;
  const dialog = element("div", { class: "datefield-picker", role: "dialog", id, "aria-labelledby": `${id}-month` });
  const previous = element("button", { type: "button", class: "datefield-previous" }, "‹");
  const next = element("button", { type: "button", class: "datefield-next" }, "›");
  dialog.append(
    element("div", { class: "datefield-head" }),
    element("table", { role: "grid", "aria-labelledby": `${id}-month` }),
  );
  dialog.firstChild.append(previous, element("h2", { id: `${id}-month`, class: "datefield-month", "aria-live": "polite" }), next);
  dialog.lastChild.append(element("thead"), element("tbody"));
  box.append(dialog);
  picker = { input, box, dialog, opener, focus: readDate(input) || today(state.tz) };
  opener.setAttribute("aria-expanded", "true");
  opener.setAttribute("aria-controls", id);
  previous.addEventListener("click", () => { picker.focus = moved(picker.focus, { months: -1 }); render(); });
  next.addEventListener("click", () => { picker.focus = moved(picker.focus, { months: 1 }); render(); });
  dialog.addEventListener("click", (event) => {
    const day = event.target.closest(".datefield-day");
    if (day) pick(day.dataset.date);
  });
  dialog.addEventListener("keydown", onKey);
  // A tap on the month's words keeps the focus where it is (the picker stays open).
  dialog.addEventListener("pointerdown", (event) => {
    if (!event.target.closest("button")) event.preventDefault();
  });
  render();
  place();
  focusDay(picker.focus);
}

/** Close the month that is open, if one is. */
export function closePicker() {
  if (!picker) return;
  const { dialog, opener } = picker;
  picker = null;
  dialog.remove();
  opener.setAttribute("aria-expanded", "false");
  opener.removeAttribute("aria-controls");
}

// A tap anywhere else closes the month; so does the focus moving elsewhere.
document.addEventListener("pointerdown", (event) => {
  if (picker && !picker.box.contains(event.target)) closePicker();
}, true);
document.addEventListener("focusin", (event) => {
  if (picker && !picker.box.contains(event.target)) closePicker();
});

/** Make `input` (already in the page) a date field: its text in the person's language, and a
 *  button beside it that opens a month to pick from. */
export function upgradeDateField(input) {
  input.type = "text";
  input.classList.add("datefield-input");
  input.autocomplete = "off";
  input.spellcheck = false;
  input.setAttribute("autocapitalize", "off");
  if (!("date" in input.dataset)) input.dataset.date = "";
  const box = element("span", { class: "datefield" });
  input.replaceWith(box);
  const opener = element("button", {
    type: "button", class: "datefield-open", "aria-haspopup": "dialog", "aria-expanded": "false",
  });
  opener.append(icon());
  box.append(input, opener);
  // Which field the button is for, for a screen reader: the field's <label>, where it has one.
  const label = input.labels && input.labels[0];
  if (label) {
    if (!label.id) label.id = `${input.id}-label`;
    opener.setAttribute("aria-describedby", label.id);
  }
  opener.addEventListener("click", () => {
    if (picker && picker.input === input) closePicker();
    else openPicker(input);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && !input.disabled) {
      event.preventDefault();
      openPicker(input);
    } else if (event.key === "Escape" && picker && picker.input === input) {
      event.preventDefault();
      closePicker();
    }
  });
  input.addEventListener("focus", () => {
    if (rewritten.delete(input)) input.select();
  });
  input.addEventListener("input", () => {
    const parsed = readDate(input);
    if (parsed !== null) {
      input.dataset.date = parsed;
      mark(input, true); // marked again only when it is left or read
    }
  });
  input.addEventListener("change", () => {
    const value = dateValue(input);
    if (value) {
      input.dataset.date = value;
      input.value = formatDate(value);
    }
  });
  // The button is off whenever the field is (a repetition's last day while it ends otherwise).
  const follow = () => {
    opener.disabled = input.disabled;
    if (input.disabled && picker && picker.input === input) closePicker();
  };
  new MutationObserver(follow).observe(input, { attributes: true, attributeFilter: ["disabled"] });
  follow();
  redraw(input);
  return input;
}

// Another language, clock or first day of the week (app.js redraw()): every date field is
// written in it, and a month that is open is laid out again.
document.addEventListener("televent:language", () => {
  for (const input of document.querySelectorAll("input.datefield-input")) redraw(input);
  if (picker) {
    render();
    place();
  }
});

// Repeating events: an RRULE (RFC 5545 §3.3.10, the API's `recurrence`) read into the form's
// repetition editor and written back, and any rule told in words in the person's language.
//
//   parseRule("FREQ=WEEKLY;BYDAY=MO")        {FREQ: "WEEKLY", BYDAY: "MO"} (null: no rule)
//   toModel(parts, start, tz)                 what the editor shows, or null when it cannot
//   buildRule(model, {start, allDay, tz})     the RRULE the editor writes
//   describe(rule, {tz})                      "Every 2 weeks on Mon, Wed, Fri until Jun 30"
//   new RecurrenceEditor(form)                the editor in the event form (index.html)
//
// A rule the editor cannot show (BYSETPOS with several days, BYHOUR, several BYMONTHDAY, an
// HOURLY rule...) is described in words as far as its parts allow and kept exactly as it was,
// unless the person changes the repetition.

import { readDate, setDate } from "./datefield.js";
import { dateFormat, firstDay, language, t, timeOptions } from "./i18n.js";
import { addDays, fromWall, toWall } from "./tz.js";

/** RRULE weekday codes, by Date.getDay() (0 = Sunday). */
export const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
const FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
const BASES = {
  DAILY: ["recurrence-daily", "recurrence-every-days"],
  WEEKLY: ["recurrence-weekly", "recurrence-every-weeks"],
  MONTHLY: ["recurrence-monthly", "recurrence-every-months"],
  YEARLY: ["recurrence-yearly", "recurrence-every-years"],
  HOURLY: ["recurrence-hourly", "recurrence-every-hours"],
  MINUTELY: ["recurrence-minutely", "recurrence-every-minutes"],
  SECONDLY: ["recurrence-secondly", "recurrence-every-seconds"],
};
// The parts the editor reads; any other makes a rule one it keeps as it is.
const EDITABLE = new Set(["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH",
  "BYSETPOS", "WKST"]);
const WORK_WEEK = ["MO", "TU", "WE", "TH", "FR"];
const MAX_REPEAT = 999;

// --- reading and writing RRULE text ----------------------------------------------------------

/** The parts of an RRULE ("FREQ=WEEKLY;BYDAY=MO", with or without "RRULE:"), names and values
 *  in upper case; null when it is no rule. */
export function parseRule(text) {
  if (!text) return null;
  const parts = {};
  for (const piece of String(text).trim().replace(/^RRULE:/i, "").split(";")) {
    if (!piece.trim()) continue;
    const at = piece.indexOf("=");
    if (at < 1) return null;
    parts[piece.slice(0, at).trim().toUpperCase()] = piece.slice(at + 1).trim().toUpperCase();
  }
  return parts.FREQ ? parts : null;
}

/** BYDAY as [{n, day}] ("-1FR" is {n: -1, day: "FR"}; n is 0 without an ordinal); null when
 *  a value is not one. */
export function weekdaysOf(value) {
  if (!value) return [];
  const found = [];
  for (const item of value.split(",")) {
    const match = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/.exec(item.trim());
    if (!match) return null;
    found.push({ n: match[1] ? Number(match[1]) : 0, day: match[2] });
  }
  return found;
}

function numbers(value) {
  if (!value) return [];
  const found = value.split(",").map((item) => Number(item.trim()));
  return found.every((n) => Number.isInteger(n) && n !== 0) ? found : null;
}

function positive(value, fallback = 1) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** What a start date ("YYYY-MM-DD") is in its month: weekday code, day, month, its count among
 *  that weekday's days of the month, and whether it is the last of them. */
export function dayFacts(start) {
  const [y, m, d] = start.slice(0, 10).split("-").map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { day: d, month: m, year: y, weekday: WEEKDAYS[weekday], nth: Math.ceil(d / 7), last: d + 7 > length };
}

/** UNTIL as the day it ends on ("YYYY-MM-DD"), read in `tz` for a UTC time. */
export function untilDay(value, tz) {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value || "");
  if (!match) return null;
  const [, y, mo, d, hh, mi, ss, utc] = match;
  if (utc) return toWall(`${y}-${mo}-${d}T${hh}:${mi}:${ss}Z`, tz).slice(0, 10);
  return `${y}-${mo}-${d}`;
}

/** The editor's model of a rule for a series starting on `start`, or null when the editor
 *  cannot show it (then it is kept as it is). */
export function toModel(parts, start, tz) {
  if (!parts || !FREQUENCIES.includes(parts.FREQ)) return null;
  if (Object.keys(parts).some((name) => !EDITABLE.has(name))) return null;
  if (parts.COUNT && parts.UNTIL) return null;
  const interval = Number(parts.INTERVAL || 1);
  const count = parts.COUNT ? Number(parts.COUNT) : null;
  if (!Number.isInteger(interval) || interval < 1 || interval > MAX_REPEAT) return null;
  if (count !== null && (!Number.isInteger(count) || count < 1 || count > MAX_REPEAT)) return null;
  const until = parts.UNTIL ? untilDay(parts.UNTIL, tz) : null;
  if (parts.UNTIL && !until) return null;
  const facts = dayFacts(start);
  const model = {
    freq: parts.FREQ, interval, days: [facts.weekday], mode: "date",
    end: count !== null ? "count" : until ? "until" : "never", count, until, wkst: parts.WKST || null,
  };
  const days = weekdaysOf(parts.BYDAY);
  const monthDays = numbers(parts.BYMONTHDAY);
  const months = numbers(parts.BYMONTH);
  const positions = numbers(parts.BYSETPOS);
  if (!days || !monthDays || !months || !positions) return null;
  if (parts.FREQ === "DAILY") return days.length || monthDays.length || months.length || positions.length ? null : model;
  if (parts.FREQ === "WEEKLY") {
    if (monthDays.length || months.length || positions.length || days.some((d) => d.n)) return null;
    if (days.length) model.days = [...new Set(days.map((d) => d.day))];
    return model;
  }
  if (parts.FREQ === "YEARLY" && (months.length > 1 || (months.length && months[0] !== facts.month))) return null;
  if (parts.FREQ === "MONTHLY" && months.length) return null;
  if (!days.length) {
    if (positions.length || monthDays.length > 1 || (monthDays.length && monthDays[0] !== facts.day)) return null;
    return model;
  }
  // On one weekday of the month: BYDAY=4MO, or BYDAY=MO;BYSETPOS=4 (of its month, for a
  // yearly rule: without BYMONTH, BYDAY=4TH would count in the whole year).
  if (monthDays.length || days.length > 1 || positions.length > 1) return null;
  if (parts.FREQ === "YEARLY" && months.length !== 1) return null;
  const n = positions.length ? (days[0].n ? null : positions[0]) : days[0].n;
  if (days[0].day !== facts.weekday || !n) return null;
  if (n === facts.nth) model.mode = "nth";
  else if (n === -1 && facts.last) model.mode = "last";
  else return null;
  return model;
}

function utcStamp(instant) {
  return new Date(instant).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** The RRULE the editor's model stands for, for a series starting on `start` ("YYYY-MM-DD"):
 *  UNTIL a date for an all-day series, else the end of that day in `tz`, in UTC. */
export function buildRule(model, { start, allDay, tz }) {
  const parts = [`FREQ=${model.freq}`];
  if (model.interval > 1) parts.push(`INTERVAL=${model.interval}`);
  const facts = dayFacts(start);
  if (model.freq === "WEEKLY") {
    const order = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    const days = order.filter((day) => model.days.includes(day));
    parts.push(`BYDAY=${(days.length ? days : [facts.weekday]).join(",")}`);
  }
  if ((model.freq === "MONTHLY" || model.freq === "YEARLY") && model.mode !== "date") {
    if (model.freq === "YEARLY") parts.push(`BYMONTH=${facts.month}`);
    parts.push(`BYDAY=${model.mode === "last" ? -1 : facts.nth}${facts.weekday}`);
  }
  if (model.end === "count") parts.push(`COUNT=${model.count}`);
  if (model.end === "until") {
    const day = model.until.replace(/-/g, "");
    parts.push(`UNTIL=${allDay ? day : utcStamp(fromWall(`${model.until}T23:59:59`, tz))}`);
  }
  if (model.wkst) parts.push(`WKST=${model.wkst}`);
  return parts.join(";");
}

// --- words ------------------------------------------------------------------------------------

const ANY_SUNDAY = Date.UTC(2024, 0, 7); // a Sunday, to name weekdays by

/** A weekday's name in the person's language ("short": "Mon", "long": "Monday"). */
export function weekdayName(code, width = "long") {
  const index = WEEKDAYS.indexOf(code);
  return dateFormat({ weekday: width, timeZone: "UTC" }).format(ANY_SUNDAY + index * 86400000);
}

/** The weekday codes in the person's week order (their first day first). */
export function weekOrder() {
  const first = firstDay();
  return WEEKDAYS.map((_, i) => WEEKDAYS[(first + i) % 7]);
}

function monthName(month) {
  return dateFormat({ month: "long", timeZone: "UTC" }).format(Date.UTC(2024, month - 1, 1));
}

/** A month's name as it reads after a day ("of November"; a genitive where a language has one). */
function monthOfDay(month) {
  const parts = dateFormat({ day: "numeric", month: "long", timeZone: "UTC" })
    .formatToParts(Date.UTC(2024, month - 1, 1));
  return (parts.find((part) => part.type === "month") || {}).value || monthName(month);
}

function list(items, type = "conjunction", style = "long") {
  try {
    return new Intl.ListFormat(language(), { type, style }).format(items);
  } catch {
    return items.join(", ");
  }
}

function number(n) {
  return new Intl.NumberFormat(language()).format(n);
}

/** "the fourth Monday", "the last Friday" (n negative counts from the month's end). */
export function nthWeekday(n, code) {
  return t("recurrence-nth-weekday", { nth: n, day: code, weekday: weekdayName(code) });
}

function dayWords(day, tz) {
  const [y, m, d] = day.split("-").map(Number);
  const options = { day: "numeric", month: "short", timeZone: "UTC" };
  if (y !== Number(toWall(Date.now(), tz).slice(0, 4))) options.year = "numeric";
  return dateFormat(options).format(Date.UTC(y, m - 1, d));
}

function clockValues(value, below) {
  const found = String(value).split(",").map((item) => Number(item.trim()));
  return found.every((n) => Number.isInteger(n) && n >= 0 && n < below) ? found : null;
}

/** BYHOUR and BYMINUTE as times of day in the person's clock ("9:00 AM and 5:00 PM"). */
function timesOf(parts) {
  const hours = clockValues(parts.BYHOUR, 24);
  const minutes = parts.BYMINUTE === undefined ? [0] : clockValues(parts.BYMINUTE, 60);
  if (!hours || !minutes || hours.length * minutes.length > 12) return null;
  const format = dateFormat(timeOptions({ timeZone: "UTC" }));
  const times = [];
  for (const hour of hours) {
    for (const minute of minutes) times.push(format.format(Date.UTC(2024, 0, 1, hour, minute)));
  }
  return list(times);
}

/** A rule in words: "Every 2 weeks on Mon, Wed, Fri until 30 Jun", "Daily, 10 times"; `tz`
 *  (the person's zone) reads a UTC UNTIL as the day it falls on there. With `start` (the first
 *  day, YYYY-MM-DD) a monthly or yearly rule that repeats on the start's date says which
 *  ("Every 2 months on day 14", "Every year on March 14"). */
export function describe(text, { tz = "UTC", start = null } = {}) {
  const parts = parseRule(text);
  if (!parts || !BASES[parts.FREQ]) return t("recurrence-unreadable", { rule: String(text || "") });
  const done = new Set(["FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"]);
  const interval = positive(parts.INTERVAL);
  const [one, every] = BASES[parts.FREQ];
  let rule = interval === 1 ? t(one) : t(every, { interval });
  const days = weekdaysOf(parts.BYDAY);
  const positions = numbers(parts.BYSETPOS);
  const months = numbers(parts.BYMONTH);
  if (days && days.length) {
    done.add("BYDAY");
    const order = weekOrder();
    const ordinal = days.length === 1 && (days[0].n || (positions && positions.length === 1));
    if (ordinal) {
      if (!days[0].n) done.add("BYSETPOS");
      const when = nthWeekday(days[0].n || positions[0], days[0].day);
      if (parts.FREQ === "YEARLY" && months && months.length === 1) {
        done.add("BYMONTH");
        rule = t("recurrence-on-nth-of-month", { rule, when, month: monthOfDay(months[0]) });
      } else {
        rule = t("recurrence-on-nth", { rule, when });
      }
    } else if (days.some((d) => d.n)) {
      const when = list(days.map((d) => (d.n ? nthWeekday(d.n, d.day) : weekdayName(d.day))));
      rule = t("recurrence-on-nth", { rule, when });
    } else if (parts.FREQ === "WEEKLY" && interval === 1 && days.length === 5
      && WORK_WEEK.every((day) => days.some((d) => d.day === day))) {
      rule = t("recurrence-weekdays");
    } else {
      const sorted = order.filter((code) => days.some((d) => d.day === code));
      rule = t("recurrence-on-days", { rule, days: list(sorted.map((d) => weekdayName(d, "short")), "conjunction", "narrow") });
    }
  }
  const monthDays = numbers(parts.BYMONTHDAY);
  if (monthDays && monthDays.length) {
    done.add("BYMONTHDAY");
    if (parts.FREQ === "YEARLY" && months && months.length === 1 && monthDays.length === 1 && monthDays[0] > 0) {
      done.add("BYMONTH");
      const date = dateFormat({ day: "numeric", month: "long", timeZone: "UTC" })
        .format(Date.UTC(2024, months[0] - 1, monthDays[0]));
      rule = t("recurrence-on-date", { rule, date });
    } else if (monthDays.length === 1 && monthDays[0] === -1) {
      rule = t("recurrence-on-last-day", { rule });
    } else {
      rule = t("recurrence-on-month-days", { rule, days: list(monthDays.map(number)), count: monthDays.length });
    }
  }
  const onStart = /^\d{4}-\d{2}-\d{2}$/.test(start || "") && !(days && days.length)
    && !(monthDays && monthDays.length) && !parts.BYYEARDAY && !parts.BYWEEKNO && !parts.BYSETPOS;
  if (onStart && parts.FREQ === "MONTHLY") {
    rule = t("recurrence-on-month-days", { rule, days: number(Number(start.slice(8, 10))), count: 1 });
  } else if (onStart && parts.FREQ === "YEARLY" && !(months && months.length)) {
    const date = dateFormat({ day: "numeric", month: "long", timeZone: "UTC" })
      .format(Date.UTC(2024, Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10))));
    rule = t("recurrence-on-date", { rule, date });
  }
  if (months && months.length && !done.has("BYMONTH")) {
    done.add("BYMONTH");
    rule = t("recurrence-in-months", { rule, months: list(months.filter((m) => m > 0 && m <= 12).map(monthName)) });
  }
  const yearDays = numbers(parts.BYYEARDAY);
  if (yearDays && yearDays.length) {
    done.add("BYYEARDAY");
    rule = t("recurrence-on-year-days", { rule, days: list(yearDays.map(number)), count: yearDays.length });
  }
  const weeks = numbers(parts.BYWEEKNO);
  if (weeks && weeks.length) {
    done.add("BYWEEKNO");
    rule = t("recurrence-in-weeks", { rule, weeks: list(weeks.map(number)), count: weeks.length });
  }
  if (positions && positions.length && !done.has("BYSETPOS")) {
    done.add("BYSETPOS");
    rule = t("recurrence-setpos", { rule, positions: list(positions.map((nth) => t("recurrence-position", { nth }))) });
  }
  if (parts.BYHOUR !== undefined) {
    const times = timesOf(parts);
    if (times) {
      done.add("BYHOUR");
      done.add("BYMINUTE");
      rule = t("recurrence-at-times", { rule, times });
    }
  }
  const rest = Object.keys(parts).filter((name) => !done.has(name));
  if (rest.length) rule = t("recurrence-raw", { rule, parts: rest.map((name) => `${name}=${parts[name]}`).join(";") });
  const until = untilDay(parts.UNTIL, tz);
  if (until) rule = t("recurrence-until", { rule, date: dayWords(until, tz) });
  if (parts.COUNT && positive(parts.COUNT, 0)) rule = t("recurrence-count", { rule, count: positive(parts.COUNT) });
  return rule;
}

// --- the editor in the event form ----------------------------------------------------------------

const CUSTOM = "CUSTOM";

/** The repetition part of the event form: a frequency, an interval, weekdays, a monthly or
 *  yearly day, an end. `value()` is the RRULE to store: the rule read, untouched, until the
 *  person changes the repetition. */
export class RecurrenceEditor {
  constructor(form) {
    this.form = form;
    this.select = form.querySelector('[name="repeat"]');
    this.panel = form.querySelector("#f-recurrence");
    this.interval = form.querySelector('[name="interval"]');
    this.days = form.querySelector("#f-weekdays");
    this.until = form.querySelector('[name="until"]');
    this.count = form.querySelector('[name="count"]');
    this.summary = form.querySelector("#f-repeat-summary");
    this.original = null;
    this.model = null;
    this.dirty = false;
    this.start = null;
    this.tz = "UTC";
    this.allDay = false;
    const touched = () => { this.dirty = true; this.read(); this.refresh(); };
    this.select.addEventListener("change", () => this.choose(this.select.value));
    this.interval.addEventListener("input", touched);
    this.count.addEventListener("input", touched);
    this.until.addEventListener("input", touched);
    for (const radio of form.querySelectorAll('[name="month_mode"], [name="ends"]')) {
      radio.addEventListener("change", () => {
        if (radio.name === "ends") this.prefillEnd(radio.value);
        touched();
      });
    }
  }

  /** Show `rule` (RRULE text or null) for a series starting on `start` ("YYYY-MM-DD"). */
  set(rule, { start, tz, allDay = false, disabled = false }) {
    this.original = rule || null;
    this.start = start;
    this.tz = tz;
    this.allDay = allDay;
    this.dirty = false;
    this.daysChosen = false;
    const parts = parseRule(rule);
    this.model = parts ? toModel(parts, start, tz) : null;
    this.kept = Boolean(rule) && !this.model;
    if (!this.model) this.model = this.fresh(parts ? parts.FREQ : "WEEKLY", parts);
    else this.daysChosen = true;
    this.options();
    this.select.value = !rule ? "" : this.kept ? CUSTOM : this.model.freq;
    this.select.disabled = disabled;
    this.write();
    this.refresh();
  }

  /** A new model of frequency `freq` (what a kept rule says of its interval and end stays). */
  fresh(freq, parts = null) {
    const facts = dayFacts(this.start);
    const model = {
      freq: FREQUENCIES.includes(freq) ? freq : "WEEKLY", interval: 1, days: [facts.weekday],
      mode: "date", end: "never", count: null, until: null, wkst: null,
    };
    if (parts) {
      model.interval = Math.min(positive(parts.INTERVAL), MAX_REPEAT);
      const until = untilDay(parts.UNTIL, this.tz);
      if (parts.COUNT) Object.assign(model, { end: "count", count: Math.min(positive(parts.COUNT), MAX_REPEAT) });
      else if (until) Object.assign(model, { end: "until", until });
    }
    return model;
  }

  /** The start date changed: labels follow it, and a weekday the person did not choose. */
  setStart(start, allDay) {
    if (allDay !== this.allDay && this.model.end === "until" && !this.kept && this.select.value) {
      this.dirty = true; // UNTIL is a date for an all-day series, a UTC time otherwise
    }
    if (!start || start === this.start) {
      this.allDay = allDay;
      return;
    }
    this.start = start;
    this.allDay = allDay;
    if (!this.daysChosen) this.model.days = [dayFacts(start).weekday];
    if (this.model.mode === "last" && !dayFacts(start).last) this.model.mode = "nth";
    if (!this.kept && this.model.mode !== "date" && this.select.value) this.dirty = true;
    this.write();
    this.refresh();
  }

  options() {
    const labels = [["", "form-repeat-never"], ["DAILY", "form-repeat-daily"], ["WEEKLY", "form-repeat-weekly"],
      ["MONTHLY", "form-repeat-monthly"], ["YEARLY", "form-repeat-yearly"]];
    this.select.replaceChildren(...labels.map(([value, id]) => new Option(t(id), value)));
    if (this.kept) {
      this.select.add(new Option(t("form-repeat-custom", { rule: describe(this.original, { tz: this.tz }) }), CUSTOM));
    }
  }

  /** Every word again, in the language now spoken (what was chosen stays). */
  relabel() {
    if (!this.start) return;
    const choice = this.select.value;
    this.options();
    this.select.value = choice;
    this.write();
    this.refresh();
  }

  choose(value) {
    if (value === CUSTOM) {
      this.dirty = false;
    } else {
      this.dirty = true;
      if (value) {
        this.model.freq = value;
        this.model.mode = "date";
      }
    }
    this.write();
    this.refresh();
  }

  prefillEnd(end) {
    if (end === "until" && !this.until.value.trim()) setDate(this.until, addDays(this.start, 30));
    if (end === "count" && !this.count.value) this.count.value = "10";
  }

  /** The model from the fields. */
  read() {
    const model = this.model;
    model.interval = Number(this.interval.value);
    const mode = this.form.querySelector('[name="month_mode"]:checked');
    model.mode = mode ? mode.value : "date";
    const end = this.form.querySelector('[name="ends"]:checked');
    model.end = end ? end.value : "never";
    model.until = readDate(this.until) || null;
    model.count = this.count.value ? Number(this.count.value) : null;
  }

  /** The fields from the model. */
  write() {
    const model = this.model;
    const facts = dayFacts(this.start);
    this.interval.value = String(model.interval);
    this.days.replaceChildren(...weekOrder().map((code) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = weekdayName(code, "short");
      button.setAttribute("aria-label", weekdayName(code));
      button.setAttribute("aria-pressed", String(model.days.includes(code)));
      button.dataset.day = code;
      button.addEventListener("click", () => this.toggle(code));
      return button;
    }));
    const yearly = model.freq === "YEARLY";
    const month = monthOfDay(facts.month);
    const date = dateFormat({ day: "numeric", month: "long", timeZone: "UTC" }).format(Date.UTC(2024, facts.month - 1, facts.day));
    const labels = {
      date: yearly ? t("form-yearly-on-date", { date }) : t("form-on-month-day", { day: facts.day }),
      nth: yearly ? t("form-yearly-on-nth", { when: nthWeekday(facts.nth, facts.weekday), month })
        : t("form-on-nth", { when: nthWeekday(facts.nth, facts.weekday) }),
      last: yearly ? t("form-yearly-on-nth", { when: nthWeekday(-1, facts.weekday), month })
        : t("form-on-nth", { when: nthWeekday(-1, facts.weekday) }),
    };
    for (const radio of this.form.querySelectorAll('[name="month_mode"]')) {
      radio.checked = radio.value === model.mode;
      radio.closest("label").querySelector("span").textContent = labels[radio.value];
      radio.closest("label").hidden = radio.value === "last" && !facts.last;
    }
    for (const radio of this.form.querySelectorAll('[name="ends"]')) radio.checked = radio.value === model.end;
    setDate(this.until, model.until || "");
    this.count.value = model.count ? String(model.count) : "";
  }

  toggle(code) {
    const days = this.model.days;
    this.model.days = days.includes(code) ? days.filter((d) => d !== code) : [...days, code];
    this.daysChosen = true;
    this.dirty = true;
    for (const button of this.days.querySelectorAll("button")) {
      button.setAttribute("aria-pressed", String(this.model.days.includes(button.dataset.day)));
    }
    this.refresh();
  }

  /** What shows for the frequency chosen, and the rule in words. */
  refresh() {
    const choice = this.select.value;
    const editing = Boolean(choice) && choice !== CUSTOM;
    this.panel.hidden = !editing;
    const freq = editing ? choice : null;
    this.days.hidden = freq !== "WEEKLY";
    this.form.querySelector("#f-month-mode").hidden = freq !== "MONTHLY" && freq !== "YEARLY";
    const units = { DAILY: "form-unit-days", WEEKLY: "form-unit-weeks", MONTHLY: "form-unit-months", YEARLY: "form-unit-years" };
    const interval = positive(this.interval.value);
    if (freq) this.form.querySelector("#f-interval-unit").textContent = t(units[freq], { interval });
    this.form.querySelector("#f-count-unit").textContent = t("form-unit-times", { count: positive(this.count.value, 10) });
    this.until.disabled = this.model.end !== "until";
    this.count.disabled = this.model.end !== "count";
    let rule = null;
    try {
      rule = this.value();
    } catch {
      rule = null;
    }
    this.summary.textContent = rule ? describe(rule, { tz: this.tz, start: this.start }) : "";
    this.summary.hidden = !rule;
  }

  /** Throws an Error with a sentence for the person when the repetition cannot be saved. */
  check() {
    if (!this.dirty || !this.select.value || this.select.value === CUSTOM) return;
    const model = this.model;
    if (!(Number.isInteger(model.interval) && model.interval >= 1 && model.interval <= MAX_REPEAT)) {
      throw new Error(t("form-error-interval", { most: MAX_REPEAT }));
    }
    if (model.end === "count" && !(Number.isInteger(model.count) && model.count >= 1 && model.count <= MAX_REPEAT)) {
      throw new Error(t("form-error-count", { most: MAX_REPEAT }));
    }
    if (model.end === "until" && (!model.until || model.until < this.start)) throw new Error(t("form-error-until"));
  }

  /** The RRULE to store (null: the event does not repeat). */
  value() {
    const choice = this.select.value;
    if (!this.dirty || choice === CUSTOM) return choice ? this.original : null;
    if (!choice) return null;
    this.check();
    return buildRule(this.model, { start: this.start, allDay: this.allDay, tz: this.tz });
  }
}

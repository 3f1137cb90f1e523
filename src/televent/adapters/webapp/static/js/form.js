// The event form: create, or edit the whole series, one occurrence, or one and the following
// ones. Times are typed in the user's zone and sent as RFC 3339 instants with that zone's
// offset; the repetition is edited by js/recurrence.js. Dates are typed and picked in the
// person's language and first day of the week (js/datefield.js), times on their clock
// (js/timefield.js).

import { targets } from "./calendars.js";
import { dateValue, invalidDateMessage, readDate, setDate, upgradeDateField } from "./datefield.js";
import { t } from "./i18n.js";
import { RecurrenceEditor } from "./recurrence.js";
import { invalidMessage, setTime, timeValue, upgradeTimeField } from "./timefield.js";
import { addDays, addWallMinutes, fromWall, toWall, wallMinutesBetween } from "./tz.js";
import { isRecurring, occurrenceOf, state } from "./state.js";
import { $, choose } from "./ui.js";

let repetition = null; // the RecurrenceEditor of the form, made on first use
let shown = { item: null, scope: null }; // what the form was filled for
let startDay = ""; // the start date last shown: a start moved by days takes its end along

function field(name) {
  return $(`#event-form [name="${name}"]`);
}

function editor() {
  if (!repetition) repetition = new RecurrenceEditor($("#event-form"));
  return repetition;
}

function formTitle(item, scope) {
  if (!item) return t("form-new");
  if (scope === "occurrence") return t("form-edit-occurrence");
  if (scope === "following") return t("form-edit-following");
  return t("form-edit");
}

/** A new event's calendar: those the user may write in, the default (or focused) one first
 *  chosen; hidden when there is no choice, and when editing (an event stays in its calendar). */
function setCalendars(editing) {
  const select = field("calendar");
  select.replaceChildren();
  const { list, first } = editing ? { list: [], first: null } : targets();
  for (const calendar of list) select.add(new Option(calendar.name, calendar.id));
  if (first) select.value = first.id;
  $("#f-calendar-row").hidden = list.length < 2;
}

function syncAllDay() {
  const allDay = field("all_day").checked;
  for (const name of ["start_time", "end_time"]) {
    field(name).hidden = allDay;
    field(name).disabled = allDay;
  }
}

/** Fill the form for a new event between two wall-clock times, or for `item` (an API event;
 *  `scope` "series", "following" or "occurrence" when it repeats). */
export function fillForm({ item = null, startWall, endWall, allDay = false, scope = null }) {
  const form = $("#event-form");
  form.reset();
  form.dataset.mode = item ? "edit" : "create";
  shown = { item, scope };
  $("#form-title").textContent = formTitle(item, scope);
  let start = startWall;
  let end = endWall;
  if (item) {
    allDay = Boolean(item.all_day);
    start = allDay ? item.start.slice(0, 10) : toWall(item.start, state.tz);
    end = allDay ? (item.end || addDays(start, 1)).slice(0, 10) : toWall(item.end || item.start, state.tz);
    field("title").value = item.title || "";
    field("location").value = item.location || "";
    field("description").value = item.description || "";
  }
  field("all_day").checked = allDay;
  setDate(field("start_date"), start.slice(0, 10));
  startDay = start.slice(0, 10);
  setTime(field("start_time"), allDay ? "09:00" : start.slice(11, 16));
  // An all-day event's end is exclusive in iCalendar; the form shows its last day.
  setDate(field("end_date"), allDay ? addDays(end.slice(0, 10), -1) : end.slice(0, 10));
  setTime(field("end_time"), allDay ? "10:00" : end.slice(11, 16));
  setCalendars(Boolean(item));
  editor().set(item ? item.recurrence : null, {
    start: start.slice(0, 10), tz: state.tz, allDay, disabled: scope === "occurrence",
  });
  $("#form-zone").textContent = t("form-zone", { zone: state.tz });
  syncAllDay();
  $("#form-error").hidden = true;
}

export function bindForm() {
  for (const name of ["start_time", "end_time"]) upgradeTimeField(field(name));
  for (const name of ["start_date", "end_date", "until"]) upgradeDateField(field(name));
  const startChanged = () => editor().setStart(readDate(field("start_date")) || "", field("all_day").checked);
  field("all_day").addEventListener("change", () => {
    syncAllDay();
    startChanged();
  });
  // A start moved to another day takes its end along, by as many days: the event keeps its
  // length (a new event at 23:00 ends at midnight, the next day, wherever it is moved to).
  field("start_date").addEventListener("change", () => {
    const start = readDate(field("start_date"));
    const end = readDate(field("end_date"));
    if (start && end !== null) {
      const moved = startDay && end ? addDays(end, wallMinutesBetween(startDay, start) / 1440) : start;
      const next = moved < start ? start : moved;
      if (next !== end) setDate(field("end_date"), next);
    }
    if (start) startDay = start;
    startChanged();
  });
  // Another language (or clock, or first weekday) while the form is open: its words follow.
  document.addEventListener("televent:language", () => {
    $("#form-title").textContent = formTitle(shown.item, shown.scope);
    $("#form-zone").textContent = t("form-zone", { zone: state.tz });
    if (repetition) repetition.relabel();
  });
}

/** A new weekly series starts on one of its days: a start on another day would be an extra
 *  occurrence (RFC 5545 counts DTSTART as the first), so it moves to the first chosen day. */
function onChosenDay(values, rule) {
  const days = /(?:^|;)FREQ=WEEKLY(?:;|$)/.test(rule) ? (/BYDAY=([A-Z,]+)/.exec(rule) || [])[1] : null;
  if (!days) return values;
  const codes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
  let shift = 0;
  const weekday = (date) => codes[new Date(`${date}T00:00:00Z`).getUTCDay()];
  while (shift < 7 && !days.split(",").includes(weekday(addDays(values.start.slice(0, 10), shift)))) shift += 1;
  if (!shift || shift >= 7) return values;
  const move = (wall) => (wall.length === 10 ? addDays(wall, shift) : addWallMinutes(wall, shift * 1440));
  return { ...values, start: move(values.start), end: move(values.end) };
}

/** The time in the field `name` ("HH:MM", "" when empty); throws the catalogue's words when
 *  what is written there is not a time (js/timefield.js), so that it is never saved as another. */
function time(name) {
  const value = timeValue(field(name));
  if (value === null) {
    field(name).focus();
    throw new Error(invalidMessage(field(name)));
  }
  return value;
}

/** The date in the field `name` ("YYYY-MM-DD", "" when empty); throws the catalogue's words
 *  when what is written there is not a date (js/datefield.js), so that it is never saved as
 *  another. */
function date(name) {
  const input = field(name);
  if (!input.value.trim()) return "";
  const value = dateValue(input);
  if (value === null) {
    input.focus();
    throw new Error(invalidDateMessage(input));
  }
  return value;
}

/** The form's values as wall-clock strings; throws an Error with a readable message. */
export function readForm() {
  const title = field("title").value.trim();
  if (!title) throw new Error(t("form-error-title"));
  const allDay = field("all_day").checked;
  const startDate = date("start_date");
  const endDate = date("end_date") || startDate;
  if (!startDate) throw new Error(t("form-error-start"));
  let start;
  let end;
  if (allDay) {
    start = startDate;
    end = addDays(endDate, 1);
    if (end <= start) throw new Error(t("form-error-end-before"));
  } else {
    start = `${startDate}T${time("start_time") || "09:00"}:00`;
    end = `${endDate}T${time("end_time") || "10:00"}:00`;
    if (end <= start) throw new Error(t("form-error-end-after"));
  }
  editor().setStart(startDate, allDay);
  // The last day of a repetition being edited: words for what is not a date, never another day.
  if (!$("#f-recurrence").hidden && !field("until").disabled) date("until");
  const repeat = editor().value(); // a repetition that cannot be saved throws, in words
  const values = {
    title, allDay, start, end, repeat,
    location: field("location").value.trim(),
    description: field("description").value.trim(),
    calendar: field("calendar").value,
  };
  return $("#event-form").dataset.mode === "create" && repeat ? onChosenDay(values, repeat) : values;
}

/** The body of POST /api/v1/events. */
export function createBody(values) {
  const body = {
    title: values.title, all_day: values.allDay, timezone: state.tz,
    start: values.allDay ? values.start : fromWall(values.start, state.tz),
    end: values.allDay ? values.end : fromWall(values.end, state.tz),
  };
  if (values.calendar) body.calendar = values.calendar;
  if (values.location) body.location = values.location;
  if (values.description) body.description = values.description;
  if (values.repeat) body.recurrence = values.repeat;
  return body;
}

/** The series' own start and end after the occurrence starting at `oldStart` was moved to
 *  [start, end): every occurrence moves by the same amount (whole days for all-day events). */
export function shiftSeries(series, oldStart, start, end) {
  const shift = wallMinutesBetween(oldStart, start);
  const length = wallMinutesBetween(start, end);
  if (series.all_day) {
    const first = addDays(series.start.slice(0, 10), Math.round(shift / 1440));
    return { start: first, end: addDays(first, Math.round(length / 1440)) };
  }
  const first = addWallMinutes(toWall(series.start, state.tz), shift);
  return { start: first, end: addWallMinutes(first, length) };
}

/** The body of PATCH for `item` (the occurrence that was opened). For the whole series a change
 *  of time moves every occurrence by the same amount, from the series' own start. */
export function patchBody(values, item, series) {
  const body = {
    title: values.title, location: values.location, description: values.description,
    all_day: values.allDay,
  };
  const allDayWas = Boolean(item.all_day);
  const oldStart = allDayWas ? item.start.slice(0, 10) : toWall(item.start, state.tz);
  const oldEnd = allDayWas ? item.end.slice(0, 10) : toWall(item.end || item.start, state.tz);
  const timeChanged = values.start !== oldStart || values.end !== oldEnd || values.allDay !== allDayWas;
  if (timeChanged) {
    let { start, end } = values;
    if (series && series !== item && values.allDay === allDayWas) {
      ({ start, end } = shiftSeries(series, oldStart, values.start, values.end));
    }
    body.start = values.allDay ? start : fromWall(start, state.tz);
    body.end = values.allDay ? end : fromWall(end, state.tz);
    body.timezone = state.tz;
  }
  if (series !== null) {
    const rule = values.repeat || null;
    if (rule !== (series.recurrence || null)) body.recurrence = rule;
  }
  return body;
}

/** Which occurrences of a repeating `item` a change is for: "occurrence", "following" (it and
 *  the later ones), "series", or null when the person cancelled. `action` is "edit", "move"
 *  or "delete". An event that does not repeat is "series" at once; so is a series opened as a
 *  whole (no occurrence), though deleting one still asks. */
export async function askScope(item, action) {
  if (!isRecurring(item)) return "series";
  const questions = {
    edit: () => t("form-scope-edit"),
    move: () => t("form-scope-move"),
    delete: () => t("form-scope-delete"),
  };
  const kind = action === "delete" ? "danger" : "";
  const whole = [["series", t("form-scope-series"), kind]];
  if (!occurrenceOf(item)) return action === "delete" ? choose(questions[action](), whole) : "series";
  return choose(questions[action](), [
    ["occurrence", t("form-scope-occurrence"), kind],
    ["following", t("form-scope-following"), kind],
    ...whole,
  ]);
}

/** The query of a PATCH or DELETE of `item` for `scope` (see askScope). */
export function writeQuery(item, scope) {
  const occurrence = occurrenceOf(item);
  if (!occurrence || scope === "series") return undefined;
  return scope === "following" ? { occurrence, range: "thisandfuture" } : { occurrence };
}

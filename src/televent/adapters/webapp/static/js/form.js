// The event form: create, or edit the whole series or one occurrence. Times are typed in the
// user's zone and sent as RFC 3339 instants with that zone's offset.

import { targets } from "./calendars.js";
import { addDays, addWallMinutes, fromWall, toWall, wallMinutesBetween } from "./tz.js";
import { state } from "./state.js";
import { $ } from "./ui.js";

const REPEATS = { "": "Does not repeat", DAILY: "Every day", WEEKLY: "Every week",
  MONTHLY: "Every month", YEARLY: "Every year" };

function field(name) {
  return $(`#event-form [name="${name}"]`);
}

function setRepeat(rule) {
  const select = field("repeat");
  select.replaceChildren();
  for (const [value, label] of Object.entries(REPEATS)) select.add(new Option(label, value));
  const freq = rule ? (/FREQ=([A-Z]+)/.exec(rule) || [])[1] : "";
  const simple = rule && rule === `FREQ=${freq}`;
  if (rule && !simple) select.add(new Option(`Custom: ${rule}`, rule));
  select.value = rule ? (simple ? freq : rule) : "";
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
 *  `scope` "series" or "occurrence" when it repeats). */
export function fillForm({ item = null, startWall, endWall, allDay = false, scope = null }) {
  const form = $("#event-form");
  form.reset();
  form.dataset.mode = item ? "edit" : "create";
  $("#form-title").textContent = item ? (scope === "occurrence" ? "Edit this occurrence" : "Edit event") : "New event";
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
  field("start_date").value = start.slice(0, 10);
  field("start_time").value = allDay ? "09:00" : start.slice(11, 16);
  // An all-day event's end is exclusive in iCalendar; the form shows its last day.
  field("end_date").value = allDay ? addDays(end.slice(0, 10), -1) : end.slice(0, 10);
  field("end_time").value = allDay ? "10:00" : end.slice(11, 16);
  setCalendars(Boolean(item));
  setRepeat(item ? item.recurrence : null);
  field("repeat").disabled = scope === "occurrence";
  $("#form-zone").textContent = `Times in ${state.tz}`;
  syncAllDay();
  $("#form-error").hidden = true;
}

export function bindForm() {
  field("all_day").addEventListener("change", syncAllDay);
  field("start_date").addEventListener("change", () => {
    if (field("end_date").value < field("start_date").value) field("end_date").value = field("start_date").value;
  });
}

/** The form's values as wall-clock strings; throws an Error with a readable message. */
export function readForm() {
  const title = field("title").value.trim();
  if (!title) throw new Error("Give the event a title.");
  const allDay = field("all_day").checked;
  const startDate = field("start_date").value;
  const endDate = field("end_date").value || startDate;
  if (!startDate) throw new Error("Choose a start date.");
  let start;
  let end;
  if (allDay) {
    start = startDate;
    end = addDays(endDate, 1);
    if (end <= start) throw new Error("The end is before the start.");
  } else {
    start = `${startDate}T${field("start_time").value || "09:00"}:00`;
    end = `${endDate}T${field("end_time").value || "10:00"}:00`;
    if (end <= start) throw new Error("The end must be after the start.");
  }
  return {
    title, allDay, start, end,
    location: field("location").value.trim(),
    description: field("description").value.trim(),
    repeat: field("repeat").value,
    calendar: field("calendar").value,
  };
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
  if (values.repeat) body.recurrence = values.repeat.includes("=") ? values.repeat : `FREQ=${values.repeat}`;
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
    const rule = values.repeat ? (values.repeat.includes("=") ? values.repeat : `FREQ=${values.repeat}`) : null;
    if (rule !== (series.recurrence || null)) body.recurrence = rule;
  }
  return body;
}

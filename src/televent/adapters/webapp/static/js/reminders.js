// An event's own reminders (its VALARMs, as the API's `reminders`): shown on the card and chosen
// in the event form. The API lists minutes before the start (0: at the start), or a trigger it
// keeps as written ("RELATED=END:-PT15M", "VALUE=DATE-TIME:20260302T090000Z"); null when the
// event has none of its own (the person's lead time from the settings applies), [] for "no
// reminder" on purpose. The form sends the chosen list back only when it changed, so triggers
// the app cannot edit stay as they were.

import { dateFormat, t } from "./i18n.js";
import { state } from "./state.js";
import { $, h } from "./ui.js";

// What the form offers, in minutes before the start (the scheduler looks a week ahead).
export const CHOICES = [0, 5, 10, 15, 30, 60, 120, 1440, 2880, 10080];
const DEFAULT_LEAD = 15;

let initial = null; // the reminders of the event the form opened (null: none of its own)
let extras = []; // what the event had that the choices do not name (kept while checked)

/** "15 minutes", "1 hour", "2 days", "1 week": whole units of `minutes` (> 0). */
export function duration(minutes) {
  if (minutes % 10080 === 0) return t("reminders-weeks", { count: minutes / 10080 });
  if (minutes % 1440 === 0) return t("reminders-days", { count: minutes / 1440 });
  if (minutes % 60 === 0) return t("reminders-hours", { count: minutes / 60 });
  return t("reminders-minutes", { count: minutes });
}

/** The person's own lead time (settings), in minutes (0: none). */
export function leadOf(me) {
  return me && me.reminder_minutes !== undefined && me.reminder_minutes !== null
    ? me.reminder_minutes : DEFAULT_LEAD;
}

/** An ISO 8601 duration ("-PT15M", "P1D") in minutes (null when it is not one). */
function isoMinutes(text) {
  const found = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(text);
  if (!found) return null;
  const [, sign, weeks, days, hours, minutes, seconds] = found;
  const total = (Number(weeks || 0) * 10080) + (Number(days || 0) * 1440) + (Number(hours || 0) * 60)
    + Number(minutes || 0) + (Number(seconds || 0) / 60);
  return sign === "-" ? -total : total;
}

/** One reminder in words: "At the start", "10 minutes before", "1 hour before the end",
 *  "Tue 2 Mar, 09:00"; the trigger as written when it cannot be read. */
export function reminderLabel(entry) {
  if (typeof entry === "number") {
    if (entry === 0) return t("reminders-at-start");
    if (entry > 0) return t("reminders-before", { duration: duration(entry) });
    return t("reminders-after", { duration: duration(-entry) });
  }
  const text = String(entry);
  const end = /^RELATED=(START|END):(.+)$/i.exec(text);
  if (end) {
    const minutes = isoMinutes(end[2]);
    if (minutes === null) return text;
    const whole = Math.round(Math.abs(minutes));
    const toEnd = end[1].toUpperCase() === "END";
    if (whole === 0) return toEnd ? t("reminders-at-end") : t("reminders-at-start");
    const spelled = whole >= 1 ? duration(whole) : t("reminders-seconds", { count: Math.round(Math.abs(minutes) * 60) });
    if (toEnd) return minutes < 0 ? t("reminders-before-end", { duration: spelled }) : t("reminders-after-end", { duration: spelled });
    return minutes < 0 ? t("reminders-before", { duration: spelled }) : t("reminders-after", { duration: spelled });
  }
  const moment = /^VALUE=DATE-TIME:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/i.exec(text);
  if (moment) {
    const [, y, mo, d, hh, mm, ss] = moment.map(Number);
    const when = new Date(Date.UTC(y, mo - 1, d, hh, mm, ss));
    return t("reminders-at-moment", {
      moment: dateFormat({ weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit", timeZone: state.tz }).format(when),
    });
  }
  return text;
}

/** Whether the person's settings let an event's own reminders count (`event_alarms`). */
function alarmsCount(me) {
  return !(me && me.preferences && me.preferences.event_alarms === false);
}

/** What the card says about the event's reminders: what will remind the person, as their
 *  settings decide (no reminders at all with a lead time of 0; the lead time alone when the
 *  events' own reminders are turned off). */
export function remindersText(item) {
  const reminders = item.reminders;
  if (reminders === undefined) return null;
  const lead = leadOf(state.me);
  if (!lead) return t("reminders-off");
  if (reminders === null || !alarmsCount(state.me)) {
    return t("reminders-default", { reminder: reminderLabel(lead) });
  }
  if (!reminders.length) return t("reminders-none");
  return t("reminders-list", { reminders: reminders.map(reminderLabel).join(", "), count: reminders.length });
}

/** The card's line about reminders (an event in one of the person's calendars). */
export function cardReminders(item) {
  const text = item.calendar ? remindersText(item) : null;
  return text ? h("p", { class: "hint reminders-line" }, "🔔 ", text) : null;
}

// --- the form -------------------------------------------------------------------------------

function fieldset() {
  let root = $("#f-reminders");
  if (root) return root;
  root = h("fieldset", { id: "f-reminders", class: "reminders" },
    h("legend", { "data-i18n": "reminders-legend" }, t("reminders-legend")),
    h("div", { class: "reminder-choices", role: "group" }),
    h("p", { id: "f-reminders-hint", class: "hint", "aria-live": "polite" }));
  const form = $("#event-form");
  const before = $("label[for=f-location]", form) || $("#form-error", form);
  form.insertBefore(root, before);
  root.addEventListener("change", (event) => {
    const box = event.target;
    if (box.type !== "checkbox") return;
    if (box.dataset.none !== undefined && box.checked) {
      for (const other of root.querySelectorAll("input[data-minutes], input[data-trigger]")) other.checked = false;
    } else if (box.checked) {
      const none = root.querySelector("input[data-none]");
      if (none) none.checked = false;
    }
    hint();
  });
  return root;
}

function choice(label, attrs, checked) {
  return h("label", { class: "check" }, h("input", { type: "checkbox", checked, ...attrs }), " ", label);
}

function hint() {
  const root = fieldset();
  const chosen = readReminders();
  const line = $("#f-reminders-hint", root);
  const lead = leadOf(state.me);
  if (!lead) line.textContent = t("reminders-hint-off");
  else if (!alarmsCount(state.me)) line.textContent = t("reminders-hint-ignored", { reminder: reminderLabel(lead) });
  else if (chosen === null) line.textContent = t("reminders-hint-default", { reminder: reminderLabel(lead) });
  else line.textContent = "";
  line.hidden = !line.textContent;
}

function render(chosen) {
  const root = fieldset();
  $("legend", root).textContent = t("reminders-legend");
  const list = chosen || [];
  extras = list.filter((entry) => !CHOICES.includes(entry));
  const boxes = [
    choice(t("reminders-none-choice"), { "data-none": "" }, Array.isArray(chosen) && chosen.length === 0),
    ...CHOICES.map((minutes) => choice(reminderLabel(minutes), { "data-minutes": String(minutes) }, list.includes(minutes))),
    ...extras.map((entry, index) => choice(reminderLabel(entry), { "data-trigger": String(index) }, true)),
  ];
  $(".reminder-choices", root).replaceChildren(...boxes);
  hint();
}

/** Show `item`'s reminders in the form (null: a new event, none of its own). */
export function fillReminders(item) {
  initial = item && item.reminders !== undefined ? item.reminders : null;
  render(initial);
}

/** Show the form's labels again in the current language, keeping what is ticked. */
export function relabelReminders() {
  if ($("#f-reminders")) render(readReminders());
}

/** The reminders ticked: a list in the API's form, [] for "no reminder", null for none chosen. */
export function readReminders() {
  const root = $("#f-reminders");
  if (!root) return initial;
  if (root.querySelector("input[data-none]:checked")) return [];
  const chosen = [];
  for (const box of root.querySelectorAll("input:checked")) {
    if (box.dataset.minutes !== undefined) chosen.push(Number(box.dataset.minutes));
    else if (box.dataset.trigger !== undefined) chosen.push(extras[Number(box.dataset.trigger)]);
  }
  return chosen.length ? chosen : null;
}

function same(a, b) {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((entry) => b.includes(entry));
}

/** Add the form's reminders to a request body: a new event's when any are chosen, an edited
 *  event's when they changed. */
export function withReminders(body, editing) {
  const chosen = readReminders();
  if (!editing) {
    if (chosen !== null) body.reminders = chosen;
  } else if (!same(chosen, initial)) {
    body.reminders = chosen;
  }
  return body;
}

// What the page knows: who is using it, their zone, the occurrences on screen.

import { browserZone } from "./tz.js";

export const state = {
  me: null, // GET /api/v1/me
  tz: browserZone(), // the user's zone once /me answers
  calendars: [], // GET /api/v1/calendars: own, shared and group calendars, invitations
  hidden: new Set(), // ids of the calendars switched off (remembered in localStorage)
  focus: null, // the id of the one calendar shown, when the app was opened on it
  items: [], // API events of the loaded window
  // what the server could not list of the window, and whether a shorter view would list more
  leftOut: { unreadable: 0, incomplete: 0, by: null, more: false, shorter: true },
  loaded: null, // {start, end} instants of the loaded window
  current: null, // the API event whose card or form is open
};

/** The key the calendar component knows an occurrence by. */
export function occurrenceKey(item) {
  return `${item.id}~${item.recurrence_id || ""}`;
}

export function findItem(key) {
  return state.items.find((item) => occurrenceKey(item) === key) || null;
}

/** True when the event repeats (the occurrences of a series carry the series' rule). */
export function isRecurring(item) {
  return Boolean(item.recurrence);
}

/** The recurrence id that names this occurrence of a series (null for a single event). */
export function occurrenceOf(item) {
  return item.recurrence ? item.recurrence_id || null : null;
}

/** True when the user organises `item` (or it has no organizer): they edit it, invite
 *  people and see the answers; otherwise they are a guest who answers. */
export function isOrganizer(item) {
  if (item.calendar === null) return false; // an invitation read from the organizer's event
  if (item.my_status === null || item.my_status === undefined || !item.organizer) return true;
  const me = state.me || {};
  const organizer = String(item.organizer.address || "").toLowerCase();
  const emails = (me.emails || []).map((e) => String(e).toLowerCase());
  return emails.includes(organizer) || organizer.startsWith(`tg_${me.telegram_id}@`);
}

const WRITERS = new Set(["owner", "manage", "write"]);

/** The calendar (as GET /calendars lists it) with this id, or null. */
export function calendarById(id) {
  return state.calendars.find((c) => c.id === id) || null;
}

/** True when the user may add, change and delete events in `calendar`. */
export function writable(calendar) {
  return Boolean(calendar) && calendar.status === "active" && WRITERS.has(calendar.role);
}

/** True when `calendar` is the user's own (one that follows a feed too: its role is
 *  "subscriber", docs/adr/0025). */
export function owns(calendar) {
  return Boolean(calendar) && (calendar.role === "owner" || calendar.role === "subscriber");
}

/** True when the user owns `calendar` or manages its members. */
export function manages(calendar) {
  return Boolean(calendar) && calendar.status === "active" && (owns(calendar) || calendar.role === "manage");
}

/** True when the user may change or delete `item` (an invitation read from someone else's
 *  event is answered, not changed; a calendar not listed yet counts as the user's own). */
export function canChange(item) {
  if (item.calendar === null) return false;
  const calendar = calendarById(item.calendar);
  return calendar === null || writable(calendar);
}

/** True when `item` belongs on screen: its calendar is switched on (or is the one focused). */
export function isShown(item) {
  if (state.focus) return item.calendar === state.focus;
  return item.calendar === null || !state.hidden.has(item.calendar);
}

// An event's card: when and where, who answered, the answer buttons for an invitation,
// inviting people, and the way to edit or delete.

import { call } from "./api.js";
import { bookingDetails } from "./booking.js";
import { colorOf } from "./calendars.js";
import { t } from "./i18n.js";
import { describe } from "./recurrence.js";
import { cardReminders } from "./reminders.js";
import { calendarById, canChange, isOrganizer, isRecurring, state } from "./state.js";
import { hapticError, hapticSuccess } from "./telegram.js";
import { addDays, toWall } from "./tz.js";
import { $, breakable, choose, formatRange, h, toast } from "./ui.js";

const STATUS_LABELS = {
  accepted: () => t("card-status-accepted"),
  tentative: () => t("card-status-tentative"),
  declined: () => t("card-status-declined"),
  "needs-action": () => t("card-status-needs-action"),
  delegated: () => t("card-status-delegated"),
};

// A Telegram user's calendar address (tg_<id>@<internal domain>): never shown to people.
const INTERNAL = /^tg_\d+@/i;

/** Append the nodes that are there (a condition's null or false adds nothing). */
function add(root, ...nodes) {
  root.append(...nodes.flat().filter((node) => node !== null && node !== undefined && node !== false));
}

export function statusLabel(status) {
  const key = String(status || "needs-action").toLowerCase().replace("_", "-");
  return STATUS_LABELS[key] ? STATUS_LABELS[key]() : key;
}

function when(item) {
  const allDay = Boolean(item.all_day);
  const start = allDay ? item.start.slice(0, 10) : toWall(item.start, state.tz);
  let end = allDay ? (item.end || addDays(start, 1)).slice(0, 10) : toWall(item.end || item.start, state.tz);
  if (allDay && end <= start) end = addDays(start, 1);
  return formatRange(start, end, allDay);
}

function attendeeRow(item, attendee, actions, changeable) {
  const status = String(attendee.status || "needs-action").toLowerCase();
  return h("li", { class: "attendee" },
    h("span", { class: "who" }, attendee.name || breakable(attendee.address)),
    attendee.name && !INTERNAL.test(attendee.address) ? h("span", { class: "address" }, breakable(attendee.address)) : null,
    h("span", { class: `badge status-${status}` }, statusLabel(status)),
    changeable && isOrganizer(item)
      ? h("button", {
        type: "button", class: "link danger",
        "aria-label": t("card-remove-label", { name: attendee.name || attendee.address }),
        onclick: () => actions.uninvite(attendee),
      }, t("card-remove"))
      : null);
}

/** Fill the card screen with `item`; `actions` has edit, remove, reload(item) and back. */
export function renderCard(item, actions) {
  const root = $("#card-body");
  root.replaceChildren();
  const attendees = item.attendees || [];
  const myStatus = item.my_status ? String(item.my_status).toLowerCase() : null;
  const guest = !isOrganizer(item);
  const calendar = item.calendar ? calendarById(item.calendar) : null;
  const changeable = canChange(item);

  async function answer(status) {
    try {
      await call("POST", `/events/${item.id}/rsvp`, { body: { status } });
      hapticSuccess();
      toast(t("card-answer-sent", { status: statusLabel(status) }));
      await actions.reload(null);
    } catch (error) {
      hapticError();
      actions.fail(error);
    }
  }

  async function invite(event) {
    event.preventDefault();
    const input = $("#invite-who", root);
    const who = input.value.trim();
    if (!who) return;
    try {
      await call("POST", `/events/${item.id}/attendees`, { body: { invitee: who } });
      input.value = "";
      toast(t("card-invited", { who }));
      await actions.reload(null);
    } catch (error) {
      actions.fail(error);
    }
  }

  add(root,
    h("h2", { id: "card-title" }, item.title || t("card-no-title")),
    h("p", { class: "when" }, when(item)),
    isRecurring(item) ? h("p", { class: "hint repeats" }, describe(item.recurrence, {
      tz: state.tz, start: item.all_day ? item.start.slice(0, 10) : toWall(item.start, state.tz).slice(0, 10),
    })) : null,
    item.cancelled ? h("p", { class: "error" }, t("card-cancelled")) : null,
    item.location ? h("p", { class: "where" }, item.location) : null,
    item.description ? h("p", { class: "description" }, item.description) : null,
    item.organizer && guest
      ? h("p", { class: "hint" },
        t("card-organizer", { name: item.organizer.name || item.organizer.address || String(item.organizer) }))
      : null,
    calendar
      ? h("p", { class: "hint cal-name" },
        h("span", { class: "swatch", style: colorOf(calendar) ? `background:${colorOf(calendar)}` : null, "aria-hidden": "true" }),
        calendar.name)
      : null,
    calendar && !changeable
      ? h("p", { class: "hint read-only-hint" }, t("card-view-only"))
      : null,
    cardReminders(item), // its own reminders (reminders.js)
    bookingDetails(item), // who booked it and their answers (booking.js)
  );

  if (guest) {
    const buttons = [["accepted", t("card-accept")], ["tentative", t("card-maybe")], ["declined", t("card-decline")]];
    add(root, h("div", { class: "rsvp", role: "group", "aria-label": t("card-your-answer") },
      buttons.map(([status, label]) => h("button", {
        type: "button", class: `rsvp-${status}`, "aria-pressed": String(myStatus === status),
        onclick: () => answer(status),
      }, label))));
  }

  if (attendees.length || changeable) {
    add(root, h("h3", {}, attendees.length ? t("card-guests") : t("card-no-guests")));
  }
  if (attendees.length) {
    add(root, h("ul", { class: "attendees" }, attendees.map((a) => attendeeRow(item, a, actions, changeable))));
  }
  if (!guest && changeable) {
    add(root, h("form", { class: "invite", onsubmit: invite },
      h("label", { for: "invite-who" }, t("card-invite-label")),
      h("div", { class: "row" },
        h("input", { id: "invite-who", name: "who", autocomplete: "off", placeholder: t("card-invite-placeholder") }),
        h("button", { type: "submit" }, t("card-invite")))));
  }

  add(root, h("div", { class: "card-actions" },
    !guest && changeable ? h("button", { type: "button", onclick: () => actions.edit(item) }, t("card-edit")) : null,
    changeable
      ? h("button", { type: "button", class: "danger", onclick: () => actions.remove(item) }, t("card-delete"))
      : null));
}

/** Remove a guest (organizer only). */
export async function uninvite(item, attendee) {
  const ok = await choose(t("card-remove-question", { name: attendee.name || attendee.address }),
    [["yes", t("card-remove"), "danger"]]);
  if (!ok) return false;
  await call("DELETE", `/events/${item.id}/attendees`, { query: { address: attendee.address } });
  return true;
}

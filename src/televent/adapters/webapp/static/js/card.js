// An event's card: when and where, who answered, the answer buttons for an invitation,
// inviting people, and the way to edit or delete.

import { call } from "./api.js";
import { colorOf } from "./calendars.js";
import { calendarById, canChange, isOrganizer, isRecurring, state } from "./state.js";
import { hapticError, hapticSuccess } from "./telegram.js";
import { addDays, toWall } from "./tz.js";
import { $, choose, formatRange, h, toast } from "./ui.js";

const STATUS_LABELS = {
  accepted: "Accepted",
  tentative: "Maybe",
  declined: "Declined",
  "needs-action": "Not answered",
  delegated: "Delegated",
};

// A Telegram user's calendar address (tg_<id>@<internal domain>): never shown to people.
const INTERNAL = /^tg_\d+@/i;

/** Append the nodes that are there (a condition's null or false adds nothing). */
function add(root, ...nodes) {
  root.append(...nodes.flat().filter((node) => node !== null && node !== undefined && node !== false));
}

export function statusLabel(status) {
  const key = String(status || "needs-action").toLowerCase().replace("_", "-");
  return STATUS_LABELS[key] || key;
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
    h("span", { class: "who" }, attendee.name || attendee.address),
    attendee.name && !INTERNAL.test(attendee.address) ? h("span", { class: "address" }, attendee.address) : null,
    h("span", { class: `badge status-${status}` }, statusLabel(status)),
    changeable && isOrganizer(item)
      ? h("button", {
        type: "button", class: "link danger", "aria-label": `Remove ${attendee.name || attendee.address}`,
        onclick: () => actions.uninvite(attendee),
      }, "Remove")
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
      toast(`Answer sent: ${statusLabel(status)}`);
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
      toast(`Invited ${who}`);
      await actions.reload(null);
    } catch (error) {
      actions.fail(error);
    }
  }

  add(root,
    h("h2", { id: "card-title" }, item.title || "(no title)"),
    h("p", { class: "when" }, when(item)),
    isRecurring(item) ? h("p", { class: "hint" }, "Repeats") : null,
    item.cancelled ? h("p", { class: "error" }, "Cancelled by the organizer") : null,
    item.location ? h("p", { class: "where" }, item.location) : null,
    item.description ? h("p", { class: "description" }, item.description) : null,
    item.organizer && guest
      ? h("p", { class: "hint" }, `Organizer: ${item.organizer.name || item.organizer.address || item.organizer}`)
      : null,
    calendar
      ? h("p", { class: "hint cal-name" },
        h("span", { class: "swatch", style: colorOf(calendar) ? `background:${colorOf(calendar)}` : null, "aria-hidden": "true" }),
        calendar.name)
      : null,
    calendar && !changeable
      ? h("p", { class: "hint read-only-hint" }, "View only: you can't change events in this calendar.")
      : null,
  );

  if (guest) {
    const buttons = [["accepted", "Accept"], ["tentative", "Maybe"], ["declined", "Decline"]];
    add(root, h("div", { class: "rsvp", role: "group", "aria-label": "Your answer" },
      buttons.map(([status, label]) => h("button", {
        type: "button", class: `rsvp-${status}`, "aria-pressed": String(myStatus === status),
        onclick: () => answer(status),
      }, label))));
  }

  if (attendees.length || changeable) add(root, h("h3", {}, attendees.length ? "Guests" : "No guests yet"));
  if (attendees.length) {
    add(root, h("ul", { class: "attendees" }, attendees.map((a) => attendeeRow(item, a, actions, changeable))));
  }
  if (!guest && changeable) {
    add(root, h("form", { class: "invite", onsubmit: invite },
      h("label", { for: "invite-who" }, "Invite by @username or email"),
      h("div", { class: "row" },
        h("input", { id: "invite-who", name: "who", autocomplete: "off", placeholder: "@username or name@example.com" }),
        h("button", { type: "submit" }, "Invite"))));
  }

  add(root, h("div", { class: "card-actions" },
    !guest && changeable ? h("button", { type: "button", onclick: () => actions.edit(item) }, "Edit") : null,
    changeable
      ? h("button", { type: "button", class: "danger", onclick: () => actions.remove(item) }, "Delete")
      : null));
}

/** Remove a guest (organizer only). */
export async function uninvite(item, attendee) {
  const ok = await choose(`Remove ${attendee.name || attendee.address} from this event?`,
    [["yes", "Remove", "danger"]]);
  if (!ok) return false;
  await call("DELETE", `/events/${item.id}/attendees`, { query: { address: attendee.address } });
  return true;
}

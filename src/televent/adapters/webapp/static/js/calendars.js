// Calendars: the user's own, those shared with them and their groups' (GET /api/v1/calendars),
// each with its colour and a switch to show or hide its events (remembered in localStorage);
// invitations to accept or decline; and a calendar's people: sharing it, roles, removing
// someone, leaving (GET/POST/PATCH/DELETE /api/v1/calendars/{id}/members); its feed: feeds.js;
// importing a file into it: imports.js; the feed it follows: subscriptions.js; the account on
// another server it mirrors: connections.js.

import { call, get } from "./api.js";
import { bindConnections, showConnection } from "./connections.js";
import { bindFeed, showFeed } from "./feeds.js";
import { t } from "./i18n.js";
import { bindImport, showImport } from "./imports.js";
import { calendarById, isShown, manages, owns, state, writable } from "./state.js";
import { bindSubscriptions, showSubscription } from "./subscriptions.js";
import { hapticSuccess } from "./telegram.js";
import { $, choose, h, toast } from "./ui.js";

const HIDDEN_KEY = "televent.hiddenCalendars";
// Colours for calendars that have none of their own (the default calendar keeps the theme's).
const PALETTE = ["#e67c73", "#33b679", "#f6bf26", "#8e24aa", "#f4511e", "#039be5", "#7986cb", "#0b8043"];
const ROLES = ["read", "write", "manage"];

export function roleLabel(role) {
  const labels = {
    owner: t("calendars-role-owner"), subscriber: t("calendars-role-subscriber"), read: t("calendars-role-read"),
    write: t("calendars-role-write"), manage: t("calendars-role-manage"),
  };
  return labels[role] || role;
}

/** The calendar's colour: its own, else one picked from its id (null: the theme's accent). */
export function colorOf(calendar) {
  if (!calendar) return null;
  if (calendar.color) return calendar.color.slice(0, 7);
  if (calendar.kind === "own" && calendar.slug === "default") return null;
  let hash = 0;
  for (const char of calendar.id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

/** Black or white, whichever reads better on `color` (#RRGGBB). */
export function textOn(color) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) / 255);
  return 0.299 * r + 0.587 * g + 0.114 * b > 0.62 ? "#1c1c1e" : "#ffffff";
}

function swatch(calendar) {
  const color = colorOf(calendar);
  return h("span", { class: "swatch", style: color ? `background:${color}` : null, "aria-hidden": "true" });
}

/** "Yours", "Alice · Can edit", "Group · Can view", "Connected account". */
export function describe(calendar) {
  const parts = [];
  if (calendar.kind === "group") parts.push(t("calendars-group"));
  if (calendar.connection) parts.push(t("conn-section"));
  else if (calendar.role === "owner") parts.push(t("calendars-yours"));
  else if (calendar.role === "subscriber") parts.push(roleLabel(calendar.role));
  else {
    if (calendar.kind !== "group" && calendar.owner) parts.push(calendar.owner.name);
    parts.push(roleLabel(calendar.role));
  }
  return parts.join(" · ");
}

function loadHidden() {
  try {
    state.hidden = new Set(JSON.parse(localStorage.getItem(HIDDEN_KEY) || "[]"));
  } catch {
    state.hidden = new Set();
  }
}

function saveHidden() {
  try {
    localStorage.setItem(HIDDEN_KEY, JSON.stringify([...state.hidden]));
  } catch {
    // storage refused (private mode): the switch lasts until the page closes
  }
}

const invitations = () => state.calendars.filter((c) => c.status === "invited");
export const activeCalendars = () => state.calendars.filter((c) => c.status === "active");

/** The calendars a new event can go in (writable, and taking events: a CalDAV client may
 *  make one for tasks only), and the one chosen at first (the focused calendar when it can
 *  be written, else the default one). */
export function targets() {
  const list = activeCalendars().filter((c) => writable(c) && c.events !== false);
  const focused = list.find((c) => c.id === state.focus);
  const first = focused || list.find((c) => c.role === "owner" && c.slug === "default")
    || list.find((c) => c.role === "owner") || list[0] || null;
  return { list, first };
}

let on = { changed() {}, fail() {}, openCalendars() {}, openPeople() {} };

/** `handlers`: changed(reload) after calendars or their switches change (`reload`: their
 *  events may have changed too), fail(error), openCalendars(), openPeople(calendar). */
export function bindCalendars(handlers) {
  on = handlers;
  loadHidden();
}

/** GET /calendars into the state, then redraw what shows them (`reload`: and the events;
 *  `ready`: a promise to wait for before drawing, as the words of the app's language). */
export async function loadCalendars(reload = false, ready = null) {
  const { data } = await get("/calendars");
  if (ready) await ready;
  state.calendars = (data && data.items) || [];
  renderNotice();
  if (document.body.dataset.current === "calendars") renderCalendars();
  on.changed(reload);
}

/** The strip above the grid: invitations to answer, the focused calendar, and what of the
 *  period shown the server could not list (events it cannot read, series it lists in part,
 *  more occurrences than one load reads). */
export function renderNotice() {
  const root = $("#calendar-notice");
  root.replaceChildren();
  const open = invitations();
  if (open.length) {
    const text = open.length === 1
      ? open[0].owner
        ? t("calendars-shared-by", { owner: open[0].owner.name, name: open[0].name })
        : t("calendars-shared-one", { name: open[0].name })
      : t("calendars-shared-many", { count: open.length });
    root.append(h("div", { class: "strip" }, h("span", {}, text),
      h("button", { type: "button", class: "link", onclick: () => on.openCalendars() }, t("calendars-view"))));
  }
  const focused = state.focus && calendarById(state.focus);
  if (focused) {
    root.append(h("div", { class: "strip" }, swatch(focused), h("span", {}, t("calendars-only", { name: focused.name })),
      h("button", { type: "button", class: "link", onclick: () => focus(null) }, t("calendars-show-all"))));
  }
  const { unreadable, incomplete } = shownLeftOut();
  if (unreadable) root.append(h("div", { class: "strip", "data-left-out": "unreadable" }, h("span", {}, t("calendar-unreadable", { count: unreadable }))));
  if (incomplete) {
    const said = state.leftOut.shorter ? t("calendar-incomplete") : t("calendar-incomplete-day");
    root.append(h("div", { class: "strip", "data-left-out": "incomplete" }, h("span", {}, said)));
  }
  if (state.leftOut.more) {
    const said = state.leftOut.shorter ? t("calendar-too-many") : t("calendar-too-many-day");
    root.append(h("div", { class: "strip", "data-left-out": "more" }, h("span", {}, said)));
  }
  root.hidden = !root.childElementCount;
}

/** What the server left out of the calendars on screen (all of it when it does not say by
 *  calendar, or its account by calendar is not the whole of it). */
function shownLeftOut() {
  const { by } = state.leftOut;
  if (!by) return state.leftOut;
  const shown = { unreadable: 0, incomplete: 0 };
  const all = { unreadable: 0, incomplete: 0 };
  for (const row of by) {
    const counts = { unreadable: Number(row.unreadable) || 0, incomplete: Number(row.incomplete) || 0 };
    all.unreadable += counts.unreadable;
    all.incomplete += counts.incomplete;
    if (!isShown({ calendar: row.calendar })) continue;
    shown.unreadable += counts.unreadable;
    shown.incomplete += counts.incomplete;
  }
  const whole = all.unreadable === state.leftOut.unreadable && all.incomplete === state.leftOut.incomplete;
  return whole ? shown : state.leftOut;
}

/** Show only one calendar's events (null: every calendar switched on). */
export function focus(id) {
  state.focus = id;
  renderNotice();
  on.changed();
}

async function answer(calendar, accept) {
  try {
    await call("POST", `/calendars/${calendar.id}/${accept ? "accept" : "decline"}`);
    hapticSuccess();
    toast(accept ? t("calendars-added", { name: calendar.name }) : t("calendars-declined"));
    await loadCalendars(accept);
  } catch (error) {
    on.fail(error);
  }
}

function toggle(calendar, shown) {
  if (shown) state.hidden.delete(calendar.id);
  else state.hidden.add(calendar.id);
  saveHidden();
  if (state.focus && state.focus !== calendar.id) focus(null);
  else {
    renderNotice(); // what was left out of the calendars shown
    on.changed();
  }
}

function invitationRow(calendar) {
  return h("li", { class: "calendar-row" },
    swatch(calendar),
    h("span", { class: "cal-text" },
      h("span", { class: "who" }, calendar.name),
      h("span", { class: "hint" }, calendar.owner
        ? t("calendars-from", { owner: calendar.owner.name, role: roleLabel(calendar.role) })
        : t("calendars-from-someone", { role: roleLabel(calendar.role) }))),
    h("span", { class: "row-actions" },
      h("button", {
        type: "button", class: "primary", "aria-label": t("calendars-accept-label", { name: calendar.name }),
        onclick: () => answer(calendar, true),
      }, t("calendars-accept")),
      h("button", {
        type: "button", "aria-label": t("calendars-decline-label", { name: calendar.name }),
        onclick: () => answer(calendar, false),
      }, t("calendars-decline"))));
}

function calendarRow(calendar) {
  const shown = state.focus ? state.focus === calendar.id : !state.hidden.has(calendar.id);
  return h("li", { class: "calendar-row", dataset: { calendar: calendar.id } },
    h("label", { class: "check" },
      h("input", {
        type: "checkbox", checked: shown, "aria-label": t("calendars-show-label", { name: calendar.name }),
        style: colorOf(calendar) ? `accent-color:${colorOf(calendar)}` : null,
        onchange: (event) => toggle(calendar, event.target.checked),
      }),
      swatch(calendar)),
    h("span", { class: "cal-text" },
      h("span", { class: "who" }, calendar.name),
      h("span", { class: "hint" }, describe(calendar))),
    h("button", {
      type: "button", class: "link",
      "aria-label": manages(calendar)
        ? t("calendars-share-label", { name: calendar.name }) : t("calendars-people-label", { name: calendar.name }),
      onclick: () => on.openPeople(calendar),
    }, manages(calendar) ? t("calendars-share") : t("calendars-people")));
}

/** Fill the calendars screen. */
export function renderCalendars() {
  const root = $("#calendars-body");
  root.replaceChildren();
  const open = invitations();
  if (open.length) {
    root.append(h("h3", {}, t("calendars-invitations")), h("ul", { class: "calendars" }, open.map(invitationRow)));
  }
  const active = activeCalendars();
  root.append(h("h3", {}, t("calendars-shown")),
    active.length ? h("ul", { class: "calendars" }, active.map(calendarRow))
      : h("p", { class: "hint" }, t("calendars-none")));
}

// --- a calendar's people ----------------------------------------------------------------

let people = null; // the calendar whose people are shown

function roleSelect(name, value, onchange) {
  const select = h("select", { "aria-label": name, onchange });
  for (const role of ROLES) select.add(new Option(roleLabel(role), role));
  select.value = value;
  return select;
}

function memberRow(calendar, member) {
  const me = state.me && member.telegram_id === state.me.telegram_id;
  const editable = manages(calendar) && member.role !== "owner" && !me;
  const name = member.name || String(member.telegram_id);
  return h("li", { class: "member" },
    h("span", { class: "who" }, me ? t("calendars-you", { name }) : name),
    member.status === "invited" ? h("span", { class: "badge" }, t("calendars-invited")) : null,
    h("span", { class: "member-controls" },
      editable
        ? roleSelect(t("calendars-role-of", { name }), member.role, (event) => changeRole(calendar, member, event.target.value))
        : h("span", { class: "badge role" }, roleLabel(member.role)),
      editable
        ? h("button", {
          type: "button", class: "link danger", "aria-label": t("calendars-remove-label", { name }),
          onclick: () => removeMember(calendar, member),
        }, t("calendars-remove"))
        : null));
}

/** Fill the people screen of `calendar` (GET /calendars/{id}/members). */
export async function showPeople(calendar) {
  people = calendar;
  $("#people-title").textContent = calendar.name;
  $("#people-kind").textContent = describe(calendar);
  $("#people-swatch").replaceChildren(swatch(calendar));
  const color = $("#people-color");
  color.value = colorOf(calendar) || "#2481cc";
  $("#people-color-hint").textContent = owns(calendar) ? t("calendars-colour-everyone") : t("calendars-colour-you");
  $("#share-form").hidden = !manages(calendar);
  relabelPeople();
  $("#leave").hidden = owns(calendar);
  $("#leave").textContent = calendar.kind === "group" ? t("calendars-leave-group") : t("calendars-leave");
  $("#read-only-hint").hidden = writable(calendar);
  showFeed(calendar);
  showImport(calendar);
  showSubscription(calendar);
  showConnection(calendar);
  const root = $("#people-body");
  try {
    const { data } = await get(`/calendars/${calendar.id}/members`);
    if (people !== calendar) return;
    root.replaceChildren(h("ul", { class: "members" }, ((data && data.items) || []).map((m) => memberRow(calendar, m))));
  } catch (error) {
    root.replaceChildren(h("p", { class: "hint" }, t("calendars-people-failed")));
    on.fail(error);
  }
}

async function changeRole(calendar, member, role) {
  try {
    await call("PATCH", `/calendars/${calendar.id}/members/${member.telegram_id}`, { body: { role } });
    toast(t("calendars-role-changed", { name: member.name, role: roleLabel(role) }));
  } catch (error) {
    on.fail(error);
  }
  await showPeople(calendar);
}

async function removeMember(calendar, member) {
  const ok = await choose(t("calendars-remove-question", { name: member.name, calendar: calendar.name }),
    [["yes", t("calendars-remove"), "danger"]]);
  if (!ok) return;
  try {
    await call("DELETE", `/calendars/${calendar.id}/members/${member.telegram_id}`);
    toast(t("calendars-removed", { name: member.name }));
  } catch (error) {
    on.fail(error);
  }
  await showPeople(calendar);
}

async function share(event) {
  event.preventDefault();
  const calendar = people;
  const input = $("#share-who");
  const who = input.value.trim();
  if (!calendar || !who) return;
  const member = /^\d+$/.test(who) ? Number(who) : who.startsWith("@") ? who : `@${who}`;
  try {
    const { data } = await call("POST", `/calendars/${calendar.id}/members`, { body: { member, role: $("#share-role").value } });
    input.value = "";
    toast(t("calendars-invited-toast", { name: data.name || who }));
  } catch (error) {
    on.fail(error);
  }
  await showPeople(calendar);
}

async function leave() {
  const calendar = people;
  if (!calendar || !state.me) return;
  const ok = await choose(t("calendars-leave-question", { name: calendar.name }),
    [["yes", t("calendars-leave-yes"), "danger"]]);
  if (!ok) return;
  try {
    await call("DELETE", `/calendars/${calendar.id}/members/${state.me.telegram_id}`);
    toast(t("calendars-left", { name: calendar.name }));
    if (state.focus === calendar.id) state.focus = null;
    await loadCalendars(true);
    on.openCalendars();
  } catch (error) {
    on.fail(error);
  }
}

async function recolor(event) {
  const calendar = people;
  if (!calendar) return;
  try {
    const { data } = await call("PATCH", `/calendars/${calendar.id}`, { body: { color: event.target.value.toUpperCase() } });
    people = data;
    $("#people-swatch").replaceChildren(swatch(data));
    await loadCalendars();
  } catch (error) {
    on.fail(error);
  }
}

export function bindPeople() {
  $("#share-form").addEventListener("submit", share);
  $("#leave").addEventListener("click", leave);
  $("#people-color").addEventListener("change", recolor);
  bindFeed((error) => on.fail(error));
  bindImport({ fail: (error) => on.fail(error), imported: () => on.changed(true) });
  const followed = {
    fail: (error) => on.fail(error),
    changed: () => loadCalendars(true),
    gone: async (calendar) => {
      if (state.focus === calendar.id) state.focus = null;
      await loadCalendars(true);
      on.openCalendars();
    },
  };
  bindSubscriptions(followed);
  bindConnections(followed);
  relabelPeople();
}

/** The words of the people screen's role picker, again in the current language. */
export function relabelPeople() {
  const role = $("#share-role");
  const chosen = role.value || "write";
  // a subscribed calendar is shared to view only (docs/adr/0025)
  const roles = people && people.role === "subscriber" ? ["read"] : ROLES;
  role.replaceChildren(...roles.map((value) => new Option(roleLabel(value), value)));
  role.value = roles.includes(chosen) ? chosen : roles[0];
}

/** The calendar whose people are shown (null when none). */
export function shownPeople() {
  return people;
}

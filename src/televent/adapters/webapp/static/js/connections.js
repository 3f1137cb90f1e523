// Accounts on other CalDAV servers (docs/adr/0026): on the calendars screen, a form that
// connects one (POST /api/v1/connections: the server's address or an e-mail address, the user
// name and an app password, which is never shown again); on a mirrored calendar's screen, the
// account it comes from, how syncing goes, syncing again and disconnecting, keeping its
// calendars here or not (GET/DELETE /api/v1/connections/{id}, POST .../sync).

import { call, get } from "./api.js";
import { dateFormat, t } from "./i18n.js";
import { $, choose, toast } from "./ui.js";

let shown = null; // the mirrored calendar shown, and its connection
let on = { fail() {}, changed() {}, gone() {} };

/** `handlers`: fail(error); changed() after calendars came; gone(calendar) after the shown
 *  calendar's account was disconnected. */
export function bindConnections(handlers) {
  on = handlers;
  $("#connect-form").addEventListener("submit", connect);
  $("#connection-sync").addEventListener("click", syncNow);
  $("#connection-remove").addEventListener("click", disconnect);
}

async function connect(event) {
  event.preventDefault();
  const form = event.target;
  const body = {
    url: form.elements.url.value.trim(),
    username: form.elements.username.value.trim(),
    password: form.elements.password.value,
  };
  if (!body.url || !body.username || !body.password) return;
  $("#connect-add").disabled = true;
  try {
    const { data } = await call("POST", "/connections", { body });
    form.reset(); // the password leaves the page at once
    toast(t("conn-added", { count: data.calendars.length, server: data.server }));
    on.changed();
    firstSync(data.id);
  } catch (error) {
    form.elements.password.value = "";
    on.fail(error);
  } finally {
    $("#connect-add").disabled = false;
  }
}

/** Watch a new connection until the server synced its calendars (a minute at most), then show
 *  them with their events. */
async function firstSync(id) {
  for (let tries = 0; tries < 60; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    try {
      const { data } = await get(`/connections/${id}`);
      if (data.calendars.every((c) => c.status !== "waiting")) {
        on.changed();
        return;
      }
    } catch {
      return; // disconnected meanwhile, or signed out: nothing to show
    }
  }
}

/** Show the connection of `calendar` (hidden for a calendar that mirrors nothing). */
export async function showConnection(calendar) {
  shown = null;
  const section = $("#connection");
  section.hidden = !calendar.connection;
  if (section.hidden) return;
  try {
    const { data } = await get(`/connections/${calendar.connection}`);
    const current = { calendar, connection: data };
    shown = current;
    render(calendar, data);
    await followFirstSync(current);
  } catch (error) {
    on.fail(error);
  }
}

/** While the shown calendar waits for its first sync, ask again each second (a minute at
 *  most) and show how it went. */
async function followFirstSync(current) {
  const waiting = () => mirrorOf(current.calendar, current.connection)?.status === "waiting";
  for (let tries = 0; tries < 60 && waiting(); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (shown !== current) return;
    const { data } = await get(`/connections/${current.connection.id}`);
    if (shown !== current) return;
    current.connection = data;
    render(current.calendar, data);
  }
}

const mirrorOf = (calendar, connection) =>
  connection.calendars.find((c) => c.id === calendar.id) || connection.calendars[0];

/** "Nov 24, 6:40 PM" of a server's moment (microseconds cut to what Date reads). */
function when(stamp) {
  if (!stamp) return "";
  const moment = new Date(stamp.replace(/\.(\d{3})\d*/, ".$1"));
  return dateFormat({ month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }).format(moment);
}

function render(calendar, connection) {
  const mirror = mirrorOf(calendar, connection);
  $("#connection-from").textContent = t("conn-from", { server: connection.server, username: connection.username });
  const reason = mirror && mirror.last_error ? mirror.last_error.split(":")[0] : "";
  $("#connection-status").textContent = t("conn-status", {
    state: mirror ? mirror.status : "waiting", when: when(mirror && mirror.last_success), reason,
  });
  $("#connection-status").dataset.state = mirror ? mirror.status : "waiting";
  $("#connection-read-only").textContent = t("conn-read-only", { server: connection.server });
}

async function syncNow() {
  const current = shown;
  if (!current) return;
  try {
    const { data } = await call("POST", `/connections/${current.connection.id}/sync`);
    current.connection = data;
    toast(t("conn-syncing"));
  } catch (error) {
    on.fail(error);
  }
}

async function disconnect() {
  const current = shown;
  if (!current) return;
  const server = current.connection.server;
  const choice = await choose(t("conn-remove-question", { server }),
    [["keep", t("conn-keep")], ["drop", t("conn-drop"), "danger"]]);
  if (!choice) return;
  try {
    const query = choice === "keep" ? "?keep_events=true" : "";
    await call("DELETE", `/connections/${current.connection.id}${query}`);
    toast(t("conn-removed", { server }));
    on.gone(current.calendar);
  } catch (error) {
    on.fail(error);
  }
}

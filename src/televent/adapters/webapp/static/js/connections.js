// Accounts on other CalDAV servers (docs/adr/0026): on the calendars screen, a form that
// connects one (POST /api/v1/connections: the server's address or an e-mail address, the user
// name and an app password, which is never shown again); on a mirrored calendar's screen, the
// account it comes from, how syncing goes, syncing again and disconnecting, keeping its
// calendars here or not (GET/DELETE /api/v1/connections/{id}, POST .../sync).

import { call, get } from "./api.js";
import { serverMoment, t } from "./i18n.js";
import { openOutside } from "./telegram.js";
import { $, choose, pollUntil, toast } from "./ui.js";

let shown = null; // the mirrored calendar shown, and its connection
let on = { fail() {}, changed() {}, gone() {} };

/** `handlers`: fail(error); changed() after calendars came; gone(calendar) after the shown
 *  calendar's account was disconnected. */
export function bindConnections(handlers) {
  on = handlers;
  $("#connect-form").addEventListener("submit", connect);
  $("#connect-google").addEventListener("click", connectGoogle);
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

/** Google's consent screen, in the browser (docs/adr/0034): Google sends the person back to
 *  the server, which connects the account; its calendars show here once synced. */
async function connectGoogle() {
  $("#connect-google").disabled = true;
  try {
    const before = new Set((await get("/connections")).data.map((c) => c.id));
    const { data } = await get("/connections/google/start");
    toast(t("conn-google-opened"));
    openOutside(data.url);
    const isNew = (c) => !before.has(c.id);
    const found = await pollUntil(() => get("/connections"), ({ data: now }) => now.some(isNew));
    if (!found) return;
    on.changed();
    firstSync(found.data.find(isNew).id);
  } catch (error) {
    on.fail(error);
  } finally {
    $("#connect-google").disabled = false;
  }
}

/** Watch a new connection until the server synced its calendars (a minute at most), then
 *  show them with their events. */
async function firstSync(id) {
  const synced = await pollUntil(() => get(`/connections/${id}`),
    ({ data }) => data.calendars.every((c) => c.status !== "waiting"));
  if (synced) on.changed();
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

/** While the shown calendar waits for its first sync, follow it (a minute at most). */
async function followFirstSync(current) {
  if (mirrorOf(current.calendar, current.connection)?.status !== "waiting") return;
  await pollUntil(() => get(`/connections/${current.connection.id}`), ({ data }) => {
    if (shown !== current) return true; // another screen now: stop asking
    current.connection = data;
    render(current.calendar, data);
    return mirrorOf(current.calendar, data)?.status !== "waiting";
  });
}

const mirrorOf = (calendar, connection) =>
  connection.calendars.find((c) => c.id === calendar.id) || connection.calendars[0];

function render(calendar, connection) {
  const mirror = mirrorOf(calendar, connection);
  $("#connection-from").textContent = t("conn-from", { server: connection.server, username: connection.username });
  const reason = mirror && mirror.last_error ? mirror.last_error.split(":")[0] : "";
  $("#connection-status").textContent = t("conn-status", {
    state: mirror ? mirror.status : "waiting", when: serverMoment(mirror && mirror.last_success), reason,
  });
  $("#connection-status").dataset.state = mirror ? mirror.status : "waiting";
  const waiting = mirror ? mirror.waiting_changes : 0;
  $("#connection-two-way").textContent = t("conn-two-way", { server: connection.server })
    + (waiting ? ` ${t("conn-waiting", { count: waiting, server: connection.server })}` : "");
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

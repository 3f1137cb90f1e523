// Calendars that follow a feed from elsewhere (docs/adr/0025): on the calendars screen, a
// form that subscribes to a webcal:// or https:// link (POST /api/v1/subscriptions); on a
// subscribed calendar's screen, how fetching it goes, its reminders and busy-time switches,
// pausing, fetching again and unsubscribing (GET/PATCH/DELETE /api/v1/subscriptions/{id},
// POST .../refresh). Its events are read-only everywhere: only the feed changes them.

import { call, get } from "./api.js";
import { serverMoment, t } from "./i18n.js";
import { $, choose, pollUntil, toast } from "./ui.js";

let shown = null; // the subscribed calendar shown, and its subscription
let on = { fail() {}, changed() {}, gone() {} };

/** `handlers`: fail(error); changed() after a calendar came or its name changed; gone() after
 * the shown calendar was unsubscribed. */
export function bindSubscriptions(handlers) {
  on = handlers;
  $("#subscribe-form").addEventListener("submit", subscribe);
  $("#subscription-reminders").addEventListener("change", (event) => change({ reminders: event.target.checked }));
  $("#subscription-busy").addEventListener("change", (event) => change({ busy: event.target.checked }));
  $("#subscription-pause").addEventListener("click", () => change({ paused: !(shown && shown.sub.paused) }));
  $("#subscription-refresh").addEventListener("click", refresh);
  $("#subscription-remove").addEventListener("click", remove);
}

async function subscribe(event) {
  event.preventDefault();
  const input = $("#subscribe-url");
  const url = input.value.trim();
  if (!url) return;
  $("#subscribe-add").disabled = true;
  try {
    const { data } = await call("POST", "/subscriptions", { body: { url } });
    input.value = "";
    toast(t("subs-added", { name: data.name }));
    on.changed();
    firstFetch(data.id);
  } catch (error) {
    on.fail(error);
  } finally {
    $("#subscribe-add").disabled = false;
  }
}

/** Watch a new subscription until the server fetched it (a minute at most), then show the
 *  calendar under the feed's own name and with its events. */
async function firstFetch(id) {
  const fetched = await pollUntil(() => get(`/subscriptions/${id}`), ({ data }) => data.status !== "waiting");
  if (fetched) on.changed();
}

/** Show the subscription of `calendar` (hidden for a calendar that follows no feed). */
export async function showSubscription(calendar) {
  shown = null;
  const section = $("#subscription");
  section.hidden = calendar.role !== "subscriber" || Boolean(calendar.connection);
  if (section.hidden) return;
  try {
    const { data } = await get(`/subscriptions/${calendar.id}`);
    shown = { calendar, sub: data };
    render(data);
  } catch (error) {
    on.fail(error);
  }
}

function render(sub) {
  $("#subscription-url").textContent = sub.url;
  const reason = sub.last_error ? sub.last_error.split(":")[0] : "";
  $("#subscription-status").textContent = t("subs-status", {
    state: sub.status, when: serverMoment(sub.last_success), reason,
  });
  $("#subscription-status").dataset.state = sub.status;
  $("#subscription-reminders").checked = sub.reminders;
  $("#subscription-busy").checked = sub.busy;
  $("#subscription-pause").textContent = sub.paused ? t("subs-resume") : t("subs-pause");
}

async function change(body) {
  const current = shown;
  if (!current) return;
  try {
    const { data } = await call("PATCH", `/subscriptions/${current.calendar.id}`, { body });
    if (shown !== current) return;
    current.sub = data;
    render(data);
  } catch (error) {
    on.fail(error);
    render(current.sub);
  }
}

async function refresh() {
  const current = shown;
  if (!current) return;
  try {
    const { data } = await call("POST", `/subscriptions/${current.calendar.id}/refresh`);
    current.sub = data;
    toast(t("subs-refreshing"));
  } catch (error) {
    on.fail(error);
  }
}

async function remove() {
  const current = shown;
  if (!current) return;
  const ok = await choose(t("subs-remove-question", { name: current.calendar.name }),
    [["yes", t("subs-remove"), "danger"]]);
  if (!ok) return;
  try {
    await call("DELETE", `/subscriptions/${current.calendar.id}`);
    toast(t("subs-removed", { name: current.calendar.name }));
    on.gone(current.calendar);
  } catch (error) {
    on.fail(error);
  }
}

// A calendar published as a feed (docs/adr/0022), on its people screen: whether the user
// publishes it (GET /api/v1/calendars/{id}/feed), publishing it as a secret link for Google
// Calendar, Outlook or Apple Calendar (POST, busy times only if chosen; the link is shown this
// once, with a copy button), and stopping it (DELETE).

import { call, get } from "./api.js";
import { t } from "./i18n.js";
import { $, choose, toast } from "./ui.js";

let shown = null; // the calendar whose feed is shown
let fail = () => {};

/** `onFail(error)`: how a failed request is told. */
export function bindFeed(onFail) {
  fail = onFail;
  $("#feed-publish").addEventListener("click", publish);
  $("#feed-copy").addEventListener("click", copy);
  $("#feed-stop").addEventListener("click", stop);
}

/** Show whether the user publishes `calendar` (the link itself cannot be shown again). */
export async function showFeed(calendar) {
  shown = calendar;
  $("#feed-link").hidden = true;
  $("#feed-url").value = "";
  try {
    const { data } = await get(`/calendars/${calendar.id}/feed`);
    if (shown !== calendar) return;
    render(data);
  } catch (error) {
    fail(error);
  }
}

function render(feed) {
  $("#feed-state").textContent = !feed.published ? t("feeds-not-published")
    : feed.busy_only ? t("feeds-published-busy") : t("feeds-published");
  $("#feed-busy").checked = Boolean(feed.busy_only);
  $("#feed-publish").textContent = feed.published ? t("feeds-publish-again") : t("feeds-publish");
  $("#feed-stop").hidden = !feed.published;
}

async function publish() {
  const calendar = shown;
  if (!calendar) return;
  try {
    const { data } = await call("POST", `/calendars/${calendar.id}/feed`, { body: { busy_only: $("#feed-busy").checked } });
    if (shown !== calendar) return;
    render({ published: true, busy_only: data.busy_only });
    $("#feed-url").value = data.url;
    $("#feed-link").hidden = false;
  } catch (error) {
    fail(error);
  }
}

async function copy() {
  const url = $("#feed-url").value;
  try {
    await navigator.clipboard.writeText(url);
    toast(t("feeds-copied"));
  } catch {
    $("#feed-url").select();
  }
}

async function stop() {
  const calendar = shown;
  if (!calendar) return;
  const ok = await choose(t("feeds-stop-question", { name: calendar.name }), [["yes", t("feeds-stop"), "danger"]]);
  if (!ok) return;
  try {
    await call("DELETE", `/calendars/${calendar.id}/feed`);
    toast(t("feeds-stopped"));
  } catch (error) {
    fail(error);
  }
  await showFeed(calendar);
}

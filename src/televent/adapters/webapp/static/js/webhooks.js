// Settings → Webhooks (docs/adr/0029): addresses Televent tells of changes as they happen.
// The list (GET /api/v1/webhooks): each address, what it hears in words, active or paused (and
// why, when Televent paused it), how many messages wait; per webhook Pause/Resume (PATCH
// active), Send test (POST …/test: its outcome shown beside it), Deliveries (the recent
// attempts, newest first, looked at again every few seconds while shown) and Remove (DELETE,
// after asking). The form adds one (POST) with a checkbox per trigger; the signing secret of a
// new one is shown this once.

import { call, get } from "./api.js";
import { dateFormat, language, t } from "./i18n.js";
import { state } from "./state.js";
import { $, breakable, choose, h, toast } from "./ui.js";

// Each trigger, and the test message, in words.
const WORDS = {
  "event.created": "webhooks-trigger-event-created",
  "event.updated": "webhooks-trigger-event-updated",
  "event.cancelled": "webhooks-trigger-event-cancelled",
  "event.deleted": "webhooks-trigger-event-deleted",
  "rsvp.changed": "webhooks-trigger-rsvp-changed",
  "booking.created": "webhooks-trigger-booking-created",
  "booking.rescheduled": "webhooks-trigger-booking-rescheduled",
  "booking.cancelled": "webhooks-trigger-booking-cancelled",
  "webhook.test": "webhooks-type-test",
};
const LOOK_AGAIN = 3000; // how often shown deliveries are asked again

let hooks = []; // as GET /webhooks lists them
let parts = new Map(); // webhook id -> the elements showing it
const shown = new Set(); // ids whose deliveries are shown
const attempts = new Map(); // id -> its deliveries as last fetched
const tested = new Map(); // id -> its last test's attempt
let secret = null; // {url, secret} of the webhook just added
let fail = () => {};
let lookTimer = null;

const words = (type) => (WORDS[type] ? t(WORDS[type]) : type);

/** "a, b and c" in the person's language. */
function listed(items) {
  try {
    return new Intl.ListFormat(language(), { style: "long", type: "conjunction" }).format(items);
  } catch {
    return items.join(", ");
  }
}

/** A moment the server wrote (microseconds cut to what Date reads), as devices.js writes
 *  them: in the person's language, clock and zone. */
function when(stamp) {
  const date = new Date(String(stamp || "").replace(/\.(\d{3})\d*/, ".$1"));
  if (Number.isNaN(date.getTime())) return String(stamp || "");
  return dateFormat({
    day: "numeric", month: "short", hour: "numeric", minute: "2-digit", second: "2-digit", timeZone: state.tz,
  }).format(date);
}

const delivered = (attempt) => attempt.status_code !== null && attempt.status_code >= 200 && attempt.status_code < 300;

/** What an attempt came to, in a sentence (a test's outcome). */
function outcome(attempt) {
  if (attempt.status_code === null || attempt.status_code === undefined) {
    return t("webhooks-test-failed", { error: attempt.error || "?" });
  }
  const args = { status: String(attempt.status_code), ms: attempt.duration_ms };
  return delivered(attempt) ? t("webhooks-test-delivered", args) : t("webhooks-test-refused", args);
}

// --- the list --------------------------------------------------------------------------------

/** Load and show the webhooks (the settings screen opens); the secret of one added on an
 *  earlier visit is not shown again. */
export async function showWebhooks(onFail) {
  fail = onFail;
  secret = null;
  showSecret();
  $("#webhook-error").hidden = true;
  $("#webhook-url").removeAttribute("aria-invalid");
  await load();
}

/** Everything again in the language now spoken (nothing asked of the server). */
export function relabelWebhooks() {
  render();
  showSecret();
}

async function load() {
  try {
    hooks = (await get("/webhooks")).data.items || [];
  } catch (error) {
    fail(error);
  }
  for (const id of [...shown]) if (!hooks.some((hook) => hook.id === id)) shown.delete(id);
  render();
  await Promise.all([...shown].map(loadAttempts));
  lookLater();
}

function render() {
  const root = $("#webhooks-body");
  parts = new Map();
  if (!hooks.length) {
    root.replaceChildren(h("p", { class: "hint" }, t("webhooks-none")));
    return;
  }
  root.replaceChildren(h("ul", { class: "devices hooks" }, hooks.map(item)));
}

function item(hook) {
  const id = hook.id;
  const own = {
    badge: h("span", { class: "badge" }),
    triggers: h("span", { class: "hint wide-line" }),
    reason: h("span", { class: "hint wide-line hook-reason" }),
    waiting: h("span", { class: "hint wide-line" }),
    pause: h("button", { type: "button", class: "link", onclick: () => setActive(current(id), !current(id).active) }),
    test: h("p", { class: "wide-line hook-test", role: "status", "aria-live": "polite" }),
    deliveries: h("div", { class: "wide-line hook-deliveries", id: `webhook-deliveries-${id}` }),
    toggle: h("button", {
      type: "button", class: "link", "aria-controls": `webhook-deliveries-${id}`, onclick: () => toggle(id),
    }, t("webhooks-deliveries")),
  };
  own.li = h("li", { dataset: { webhook: id } },
    h("span", { class: "who hook-url", dir: "ltr" }, breakable(hook.url)),
    own.badge, own.triggers, own.reason, own.waiting,
    h("span", { class: "link-actions hook-actions" },
      own.pause,
      h("button", {
        type: "button", class: "link", "aria-label": t("webhooks-test-label", { url: hook.url }),
        onclick: (event) => sendTest(current(id), event.currentTarget),
      }, t("webhooks-test")),
      own.toggle,
      h("button", {
        type: "button", class: "link danger", "aria-label": t("webhooks-remove-label", { url: hook.url }),
        onclick: () => remove(current(id)),
      }, t("webhooks-remove"))),
    own.test, own.deliveries);
  parts.set(id, own);
  fill(hook);
  return own.li;
}

const current = (id) => hooks.find((hook) => hook.id === id) || { id, url: "", active: false };

/** Write a webhook's state into its row (in place: a button keeps the focus). */
function fill(hook) {
  const own = parts.get(hook.id);
  if (!own) return;
  const stopped = !hook.active && hook.paused_reason;
  own.badge.className = `badge ${hook.active ? "status-accepted" : stopped ? "status-declined" : ""}`;
  own.badge.textContent = hook.active ? t("webhooks-active") : stopped ? t("webhooks-stopped") : t("webhooks-paused");
  own.triggers.textContent = t("webhooks-hears", { triggers: listed((hook.triggers || []).map(words)) });
  own.reason.hidden = hook.active;
  own.reason.textContent = hook.active ? "" : stopped
    ? t("webhooks-stopped-why", { reason: hook.paused_reason }) : t("webhooks-paused-why");
  own.waiting.textContent = t("webhooks-waiting", { count: hook.waiting || 0 });
  own.pause.textContent = hook.active ? t("webhooks-pause") : t("webhooks-resume");
  own.pause.setAttribute("aria-label", t(hook.active ? "webhooks-pause-label" : "webhooks-resume-label", { url: hook.url }));
  const test = tested.get(hook.id);
  own.test.hidden = !test;
  own.test.className = `wide-line hook-test ${test && delivered(test) ? "hook-ok" : "hook-failed"}`;
  own.test.textContent = test ? outcome(test) : "";
  const open = shown.has(hook.id);
  own.toggle.setAttribute("aria-expanded", String(open));
  own.toggle.setAttribute("aria-label", t("webhooks-deliveries-label", { url: hook.url }));
  own.deliveries.hidden = !open;
  if (open) fillAttempts(hook.id);
}

function fillAttempts(id) {
  const own = parts.get(id);
  if (!own) return;
  const found = attempts.get(id);
  if (!found) {
    own.deliveries.replaceChildren(h("p", { class: "hint" }, t("webhooks-deliveries-loading")));
    return;
  }
  own.deliveries.replaceChildren(found.length
    ? h("ul", { class: "hook-attempts", "aria-label": t("webhooks-deliveries-title") }, found.map((attempt) => h("li", {},
      h("time", { datetime: attempt.at }, when(attempt.at)),
      h("span", { class: "hook-type" }, words(attempt.type)),
      h("span", { class: `hook-outcome ${delivered(attempt) ? "hook-ok" : "hook-failed"}` },
        attempt.status_code === null || attempt.status_code === undefined
          ? t("webhooks-delivery-error", { error: attempt.error || "?" })
          : t("webhooks-delivery-status", { status: String(attempt.status_code) })),
      h("span", { class: "hint" }, t("webhooks-delivery-took", { ms: attempt.duration_ms })),
      attempt.attempt > 1 ? h("span", { class: "hint" }, t("webhooks-delivery-attempt", { attempt: attempt.attempt })) : null)))
    : h("p", { class: "hint" }, t("webhooks-no-deliveries")));
}

async function loadAttempts(id) {
  try {
    const { data } = await get(`/webhooks/${encodeURIComponent(id)}/deliveries`);
    attempts.set(id, (data && data.items) || []);
  } catch (error) {
    if (error.status === 404) shown.delete(id);
    else if (error.status === 401) fail(error);
    return;
  }
  if (shown.has(id)) fillAttempts(id);
}

async function toggle(id) {
  if (shown.has(id)) shown.delete(id);
  else shown.add(id);
  fill(current(id));
  if (shown.has(id)) {
    await loadAttempts(id);
    lookLater();
  }
}

/** While deliveries are shown (on the settings screen, the page visible), ask again every few
 *  seconds: a change's message shows once it went out, and the count of those waiting moves. */
function lookLater() {
  clearTimeout(lookTimer);
  lookTimer = null;
  if (!shown.size) return;
  lookTimer = setTimeout(async () => {
    lookTimer = null;
    if (document.body.dataset.current !== "settings" || !shown.size) return;
    if (document.visibilityState !== "hidden") {
      try {
        const fresh = (await get("/webhooks")).data.items || [];
        const same = fresh.length === hooks.length && fresh.every((hook, i) => hook.id === hooks[i].id);
        hooks = fresh;
        if (same) hooks.forEach(fill);
        else render();
        await Promise.all([...shown].map(loadAttempts));
      } catch {
        // looked again at the next turn
      }
    }
    lookLater();
  }, LOOK_AGAIN);
}

// --- what a webhook's buttons do -------------------------------------------------------------

function replace(hook) {
  hooks = hooks.map((old) => (old.id === hook.id ? { ...old, ...hook } : old));
  fill(current(hook.id));
}

async function setActive(hook, active) {
  try {
    const { data } = await call("PATCH", `/webhooks/${encodeURIComponent(hook.id)}`, { body: { active } });
    replace(data);
    toast(active ? t("webhooks-resumed", { url: hook.url }) : t("webhooks-now-paused", { url: hook.url }));
  } catch (error) {
    fail(error);
    await load();
  }
}

async function sendTest(hook, button) {
  button.disabled = true;
  const own = parts.get(hook.id);
  if (own) {
    own.test.hidden = false;
    own.test.className = "wide-line hook-test hint";
    own.test.textContent = t("webhooks-testing");
  }
  try {
    const { data } = await call("POST", `/webhooks/${encodeURIComponent(hook.id)}/test`);
    tested.set(hook.id, data);
    toast(outcome(data), delivered(data) ? "info" : "error");
  } catch (error) {
    tested.delete(hook.id);
    fail(error);
  } finally {
    button.disabled = false;
  }
  fill(current(hook.id));
  if (shown.has(hook.id)) await loadAttempts(hook.id);
}

async function remove(hook) {
  const ok = await choose(t("webhooks-remove-question", { url: hook.url }), [["yes", t("webhooks-remove"), "danger"]]);
  if (!ok) return;
  try {
    await call("DELETE", `/webhooks/${encodeURIComponent(hook.id)}`);
    shown.delete(hook.id);
    tested.delete(hook.id);
    attempts.delete(hook.id);
    toast(t("webhooks-removed", { url: hook.url }));
  } catch (error) {
    fail(error);
  }
  await load();
  $("#webhook-url").focus({ preventScroll: true });
}

// --- adding one ------------------------------------------------------------------------------

function showSecret() {
  const box = $("#webhook-secret");
  box.hidden = !secret;
  if (!secret) {
    $("#webhook-secret-value").textContent = "";
    return;
  }
  $("#webhook-secret-for").textContent = t("webhooks-secret-for", { url: secret.url });
  $("#webhook-secret-value").textContent = secret.secret;
}

async function copySecret() {
  if (!secret) return;
  try {
    await navigator.clipboard.writeText(secret.secret);
    toast(t("webhooks-secret-copied"));
  } catch {
    window.prompt(t("webhooks-secret-copy-prompt"), secret.secret); // eslint-disable-line no-alert
  }
}

export function bindWebhooks(onFail) {
  fail = onFail;
  $("#webhook-secret-copy").addEventListener("click", copySecret);
  const input = $("#webhook-url");
  input.addEventListener("input", () => {
    input.removeAttribute("aria-invalid");
    $("#webhook-error").hidden = true;
  });
  $("#webhook-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const error = $("#webhook-error");
    const url = input.value.trim();
    if (!url) {
      input.focus();
      return;
    }
    const triggers = [...form.querySelectorAll("input[name=trigger]:checked")].map((box) => box.value);
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const { data } = await call("POST", "/webhooks", { body: { url, triggers } });
      form.reset();
      error.hidden = true;
      input.removeAttribute("aria-invalid");
      secret = { url: data.url, secret: data.secret };
      showSecret();
      toast(t("webhooks-added", { url: data.url }));
      await load();
      $("#webhook-secret").scrollIntoView({ block: "nearest" });
    } catch (problem) {
      if (problem.status === 401 || !problem.readable) {
        fail(problem);
      } else {
        error.textContent = problem.readable;
        error.hidden = false;
        if (problem.status === 422) input.setAttribute("aria-invalid", "true");
      }
    } finally {
      button.disabled = false;
    }
  });
}

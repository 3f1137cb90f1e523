// Settings: the time zone the calendar is shown in, how long before an event the reminder
// comes, and where reminders, the agenda and notices go (Telegram, email; PATCH /api/v1/me).

import { call } from "./api.js";
import { state } from "./state.js";
import { zoneNames } from "./tz.js";
import { $, toast } from "./ui.js";

const LEADS = [[0, "No reminder"], [5, "5 minutes before"], [10, "10 minutes before"],
  [15, "15 minutes before"], [30, "30 minutes before"], [60, "1 hour before"],
  [120, "2 hours before"], [1440, "1 day before"]];

const KINDS = [["reminders", "Reminders"], ["agenda", "Morning agenda"],
  ["notices", "Notices about my events"]];
const CHANNELS = [["telegram", "Telegram"], ["email", "Email"]];

export function reminderOf(me) {
  return me.reminder_minutes ?? 15;
}

export function showSettings() {
  const me = state.me || {};
  const zone = $("#settings-zone");
  if (!zone.options.length) {
    for (const name of zoneNames()) zone.add(new Option(name.replaceAll("_", " "), name));
  }
  if (![...zone.options].some((o) => o.value === state.tz)) zone.add(new Option(state.tz, state.tz));
  zone.value = state.tz;
  const lead = $("#settings-lead");
  lead.replaceChildren();
  const current = reminderOf(me);
  for (const [minutes, label] of LEADS) lead.add(new Option(label, String(minutes)));
  if (!LEADS.some(([m]) => m === current)) lead.add(new Option(`${current} minutes before`, String(current)));
  lead.value = String(current);
  showChannels(me);
}

/** One row per kind of message, a checkbox per channel (preferences.channels). */
function showChannels(me) {
  const chosen = (me.preferences || {}).channels || {};
  const body = $("#settings-channels tbody");
  body.replaceChildren();
  for (const [kind, label] of KINDS) {
    const row = document.createElement("tr");
    const head = document.createElement("th");
    head.scope = "row";
    head.textContent = label;
    row.append(head);
    for (const [channel, name] of CHANNELS) {
      const box = document.createElement("input");
      box.type = "checkbox";
      box.dataset.kind = kind;
      box.dataset.channel = channel;
      box.checked = (chosen[kind] || ["telegram"]).includes(channel);
      box.setAttribute("aria-label", `${label} by ${name}`);
      box.addEventListener("change", () => showNoEmail(me));
      const cell = document.createElement("td");
      cell.append(box);
      row.append(cell);
    }
    body.append(row);
  }
  showNoEmail(me);
}

/** Email chosen but no email linked: say that nothing is mailed. */
function showNoEmail(me) {
  const wanted = [...document.querySelectorAll("#settings-channels input[data-channel=email]")]
    .some((box) => box.checked);
  $("#settings-no-email").hidden = !wanted || (me.emails || []).length > 0;
}

function chosenChannels() {
  const channels = {};
  for (const [kind] of KINDS) {
    channels[kind] = CHANNELS.map(([channel]) => channel).filter((channel) =>
      document.querySelector(`#settings-channels input[data-kind=${kind}][data-channel=${channel}]`).checked);
  }
  return channels;
}

/** Save; resolves to the new /me, or throws ApiError. */
export async function saveSettings() {
  const timezone = $("#settings-zone").value;
  const minutes = Number($("#settings-lead").value);
  const preferences = { channels: chosenChannels() };
  const { data } = await call("PATCH", "/me", {
    body: { timezone, reminder_minutes: minutes, preferences },
  });
  toast("Settings saved");
  return data;
}

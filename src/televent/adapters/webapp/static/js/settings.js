// Settings: the time zone the calendar is shown in, and how long before an event the reminder
// comes (PATCH /api/v1/me).

import { call } from "./api.js";
import { state } from "./state.js";
import { zoneNames } from "./tz.js";
import { $, toast } from "./ui.js";

const LEADS = [[0, "No reminder"], [5, "5 minutes before"], [10, "10 minutes before"],
  [15, "15 minutes before"], [30, "30 minutes before"], [60, "1 hour before"],
  [120, "2 hours before"], [1440, "1 day before"]];

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
}

/** Save; resolves to the new /me, or throws ApiError. */
export async function saveSettings() {
  const timezone = $("#settings-zone").value;
  const minutes = Number($("#settings-lead").value);
  const { data } = await call("PATCH", "/me", { body: { timezone, reminder_minutes: minutes } });
  toast("Settings saved");
  return data;
}

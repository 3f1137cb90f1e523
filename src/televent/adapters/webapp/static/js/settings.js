// Settings (PATCH /api/v1/me): the language, time zone, clock and first day of the week the app
// is shown in; reminders (the lead time, and whether each event's own reminders count); quiet
// hours; the morning agenda; which invitation cards and answers are told; and where reminders,
// the agenda and notices go (Telegram, email). Times are offered in the person's own clock.
// A change of language, clock or first day is shown at once (`preview`), and kept on Save.

import { call } from "./api.js";
import { LANGUAGES, dateFormat, t } from "./i18n.js";
import { leadOf, reminderLabel } from "./reminders.js";
import { state } from "./state.js";
import { formatTime } from "./timefield.js";
import { zoneNames } from "./tz.js";
import { $ } from "./ui.js";

// Each language in its own words (domain/languages.py NATIVE_NAMES): never translated.
const NATIVE_NAMES = {
  en: "English", ru: "Русский", es: "Español", "pt-BR": "Português (Brasil)", de: "Deutsch",
  uk: "Українська", id: "Bahasa Indonesia", fa: "فارسی",
};
const LEADS = [0, 5, 10, 15, 30, 60, 120, 1440];
const KINDS = ["reminders", "agenda", "notices"];
const CHANNELS = ["telegram", "email"];
const STEP = 30; // minutes between the times offered for quiet hours and the agenda
const DEFAULT_QUIET = ["22:00", "07:00"];
const DEFAULT_AGENDA = "08:00";

let on = { preview() {}, autoLanguage: () => "en" };

function kindLabel(kind) {
  return { reminders: t("settings-kind-reminders"), agenda: t("settings-kind-agenda"),
    notices: t("settings-kind-notices") }[kind];
}

function channelLabel(channel) {
  return channel === "email" ? t("settings-channel-email") : t("settings-channel-telegram");
}

export function reminderOf(me) {
  return leadOf(me);
}

/** "17:00" (HH:MM) in the person's clock: "5:00 PM" or "17:00" (js/timefield.js, as the
 *  time fields write it). */
export const clockLabel = formatTime;

/** Fill `select` with `options` ([value, label]) and choose `value` (added when missing). */
function fill(select, options, value, missing = (v) => v) {
  select.replaceChildren(...options.map(([v, label]) => new Option(label, v)));
  if (value !== null && value !== undefined && !options.some(([v]) => v === value)) {
    select.add(new Option(missing(value), value));
  }
  select.value = value ?? "";
}

function times() {
  const list = [];
  for (let minutes = 0; minutes < 1440; minutes += STEP) {
    const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    list.push([hhmm, clockLabel(hhmm)]);
  }
  return list;
}

const pad = (hhmm) => hhmm.replace(/^(\d):/, "0$1:"); // "7:30" as "07:30"

function weekdayName(day) {
  // 2024-01-07 was a Sunday: day 0 is Sunday as Date.getDay() counts.
  return dateFormat({ weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 7 + day)));
}

function automaticDay() {
  const format = new Intl.Locale(document.documentElement.lang || "en");
  const info = format.getWeekInfo ? format.getWeekInfo() : format.weekInfo;
  return info && info.firstDay ? info.firstDay % 7 : 1;
}

function automaticClock() {
  const probe = new Intl.DateTimeFormat(document.documentElement.lang || "en", { hour: "numeric" }).resolvedOptions();
  return probe.hourCycle === "h12" || probe.hourCycle === "h11" ? "h12" : "h23";
}

function example(hourCycle) {
  return new Intl.DateTimeFormat(document.documentElement.lang || "en", {
    hour: "numeric", minute: "2-digit", hourCycle, timeZone: "UTC",
  }).format(new Date(Date.UTC(2000, 0, 3, 17, 0)));
}

/** The values on the screen (what Save sends), or those of `me` before it was filled. */
function current(me) {
  const preferences = me.preferences || {};
  const quiet = preferences.quiet_hours ? preferences.quiet_hours.split("-").map(pad) : null;
  return {
    language: preferences.language || "",
    hourCycle: preferences.hour_cycle || "",
    weekStart: preferences.week_start || "",
    timezone: state.tz,
    lead: reminderOf(me),
    alarms: preferences.event_alarms !== false,
    quiet: Boolean(quiet),
    quietFrom: quiet ? quiet[0] : DEFAULT_QUIET[0],
    quietTo: quiet ? quiet[1] : DEFAULT_QUIET[1],
    quietReminders: preferences.quiet_reminders || "keep",
    agenda: preferences.agenda_time ? pad(preferences.agenda_time) : "",
    agendaEmpty: Boolean(preferences.agenda_empty_days),
    cardsTelegram: preferences.cards_telegram !== false,
    cardsEmail: preferences.cards_email !== false,
    organizer: preferences.organizer_notices || "all",
    // every kind of message, Telegram alone where the account has chosen nothing
    channels: Object.fromEntries(KINDS.map((kind) => [kind, (preferences.channels || {})[kind] || ["telegram"]])),
  };
}

function onScreen() {
  const channels = {};
  for (const kind of KINDS) {
    channels[kind] = CHANNELS.filter((channel) =>
      $(`#settings-channels input[data-kind=${kind}][data-channel=${channel}]`).checked);
  }
  return {
    language: $("#settings-language").value,
    hourCycle: $("#settings-clock").value,
    weekStart: $("#settings-week").value,
    timezone: $("#settings-zone").value,
    lead: Number($("#settings-lead").value),
    alarms: $("#settings-alarms").checked,
    quiet: $("#settings-quiet").checked,
    quietFrom: $("#settings-quiet-from").value,
    quietTo: $("#settings-quiet-to").value,
    quietReminders: $("#settings-quiet-reminders").value,
    agenda: $("#settings-agenda").value,
    agendaEmpty: $("#settings-agenda-empty").checked,
    cardsTelegram: $("#settings-cards-telegram").checked,
    cardsEmail: $("#settings-cards-email").checked,
    organizer: $("#settings-organizer").value,
    channels,
  };
}

/** Fill the settings screen with `values` (every label in the current language and clock). */
function render(values) {
  const automatic = on.autoLanguage();
  fill($("#settings-language"), [
    ["", t("settings-language-auto", { language: NATIVE_NAMES[automatic] || automatic })],
    ...LANGUAGES.map((code) => [code, NATIVE_NAMES[code]]),
  ], values.language);
  const zone = $("#settings-zone");
  if (!zone.options.length) {
    for (const name of zoneNames()) zone.add(new Option(name.replaceAll("_", " "), name));
  }
  if (![...zone.options].some((o) => o.value === values.timezone)) zone.add(new Option(values.timezone, values.timezone));
  zone.value = values.timezone;
  fill($("#settings-clock"), [
    ["", t("settings-clock-auto", { example: example(automaticClock()) })],
    ["12", t("settings-clock-12", { example: example("h12") })],
    ["24", t("settings-clock-24", { example: example("h23") })],
  ], values.hourCycle);
  fill($("#settings-week"), [
    ["", t("settings-week-auto", { day: weekdayName(automaticDay()) })],
    ["mon", weekdayName(1)], ["sat", weekdayName(6)], ["sun", weekdayName(0)],
  ], values.weekStart);
  fill($("#settings-lead"), LEADS.map((m) => [String(m), m ? reminderLabel(m) : t("settings-lead-none")]),
    String(values.lead), (m) => reminderLabel(Number(m)));
  $("#settings-alarms").checked = values.alarms;
  $("#settings-quiet").checked = values.quiet;
  fill($("#settings-quiet-from"), times(), values.quietFrom, clockLabel);
  fill($("#settings-quiet-to"), times(), values.quietTo, clockLabel);
  fill($("#settings-quiet-reminders"), [
    ["keep", t("settings-quiet-keep")], ["hold", t("settings-quiet-hold")],
  ], values.quietReminders);
  fill($("#settings-agenda"), [["", t("settings-agenda-off")], ...times()], values.agenda, clockLabel);
  $("#settings-agenda-empty").checked = values.agendaEmpty;
  $("#settings-cards-telegram").checked = values.cardsTelegram;
  $("#settings-cards-email").checked = values.cardsEmail;
  fill($("#settings-organizer"), [
    ["all", t("settings-organizer-all")], ["declines", t("settings-organizer-declines")],
    ["none", t("settings-organizer-none")],
  ], values.organizer);
  showChannels(values.channels);
  sync();
}

/** Show what depends on other fields: the quiet hours' times, the agenda's options. */
function sync() {
  const quiet = $("#settings-quiet").checked;
  $("#settings-quiet-times").hidden = !quiet;
  $("#settings-agenda-empty-row").hidden = !$("#settings-agenda").value;
  showNoEmail();
}

// The values the screen was last filled with from the account (null: not filled yet).
let shown = null;

export function showSettings() {
  shown = current(state.me || {});
  render(shown);
}

/** The account arrived while the screen was showing what was known before it: fill the screen
 *  with the account's values, except where the person has changed a field since (their change
 *  stays; each kind of message's channels counts as one field). */
export function accountArrived() {
  if (shown === null) {
    showSettings();
    return;
  }
  const before = shown;
  const screen = onScreen();
  const account = current(state.me || {});
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const merged = {};
  const kept = (now, was, arrived) => (same(now, was) ? arrived : now);
  for (const key of Object.keys(account)) merged[key] = kept(screen[key], before[key], account[key]);
  merged.channels = Object.fromEntries(KINDS.map((kind) => [
    kind, kept(screen.channels[kind], before.channels[kind], account.channels[kind]),
  ]));
  shown = account;
  render(merged);
}

/** Show the screen's labels again in the current language and clock, keeping its values. */
export function relabelSettings() {
  if ($("#settings-language").options.length) render(onScreen());
}

/** One row per kind of message, a checkbox per channel (preferences.channels). */
function showChannels(chosen) {
  const body = $("#settings-channels tbody");
  body.replaceChildren();
  for (const kind of KINDS) {
    const row = document.createElement("tr");
    const head = document.createElement("th");
    head.scope = "row";
    head.textContent = kindLabel(kind);
    row.append(head);
    for (const channel of CHANNELS) {
      const box = document.createElement("input");
      box.type = "checkbox";
      box.dataset.kind = kind;
      box.dataset.channel = channel;
      box.checked = chosen[kind].includes(channel);
      box.setAttribute("aria-label", t("settings-channel-box", { kind: kindLabel(kind), channel: channelLabel(channel) }));
      box.addEventListener("change", showNoEmail);
      const cell = document.createElement("td");
      cell.append(box);
      row.append(cell);
    }
    body.append(row);
  }
}

/** Email chosen but no email linked: say that nothing is mailed. */
function showNoEmail() {
  const me = state.me || {};
  const wanted = [...document.querySelectorAll("#settings-channels input[data-channel=email]")]
    .some((box) => box.checked);
  $("#settings-no-email").hidden = !wanted || (me.emails || []).length > 0;
}

/** What the language, clock and first day on the screen are ({language, hourCycle,
 *  weekStart}; null for automatic). */
export function chosenSpeech() {
  const values = onScreen();
  return {
    language: values.language || null,
    hourCycle: values.hourCycle || null,
    weekStart: values.weekStart || null,
  };
}

/** `handlers`: preview(speech) when the language, clock or first day is changed (not saved
 *  yet), autoLanguage() the language "automatic" means now. */
export function bindSettings(handlers) {
  on = handlers;
  for (const id of ["#settings-language", "#settings-clock", "#settings-week"]) {
    $(id).addEventListener("change", () => on.preview(chosenSpeech()));
  }
  for (const id of ["#settings-quiet", "#settings-agenda"]) $(id).addEventListener("change", sync);
}

/** Save; resolves to the new /me, or throws ApiError. */
export async function saveSettings() {
  const values = onScreen();
  const preferences = {
    channels: values.channels,
    event_alarms: values.alarms,
    quiet_hours: values.quiet ? `${values.quietFrom}-${values.quietTo}` : "off",
    quiet_reminders: values.quietReminders,
    agenda_time: values.agenda || "off",
    agenda_empty_days: values.agendaEmpty,
    cards_telegram: values.cardsTelegram,
    cards_email: values.cardsEmail,
    organizer_notices: values.organizer,
  };
  const { data } = await call("PATCH", "/me", {
    body: {
      timezone: values.timezone,
      reminder_minutes: values.lead,
      language: values.language || null,
      hour_cycle: values.hourCycle || null,
      week_start: values.weekStart || null,
      preferences,
    },
  });
  return data;
}

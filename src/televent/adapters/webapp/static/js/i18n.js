// The app's words and dates in the person's language. Words come from the message catalogue
// (the server's locales/<language>/app*.ftl files, served at /app/i18n/<language>.ftl) and are
// rendered by Fluent, the same format the bot and the mails use; dates and times are written by
// the browser's Intl in that language, with the person's own clock (12/24 hours) and first day
// of the week from their settings, never the browser's mixed locale.
//
//   t("event-new")                       one message
//   t("events-count", { count: 3 })      with arguments (numbers pluralise)
//   <button data-i18n="today">           translated in place by translateDom()
//   data-i18n-placeholder / -label / -title   the placeholder, aria-label or title attribute

import { FluentBundle, FluentResource } from "../vendor/fluent-bundle/0.19.1/index.js";

export const LANGUAGES = ["en", "ru", "es", "pt-BR", "de", "uk", "id", "fa"];
const RIGHT_TO_LEFT = new Set(["fa"]);

const settings = { language: "en", hourCycle: null, weekStart: null };
let bundles = [];
const loaded = new Map(); // language -> Promise<FluentBundle>

/** The catalogue's language for a tag ("pt-br" -> "pt-BR", "de-AT" -> "de"), or null. */
export function supported(tag) {
  if (!tag) return null;
  const primary = String(tag).replace("_", "-").split("-")[0].toLowerCase();
  return LANGUAGES.find((code) => code.split("-")[0].toLowerCase() === primary) || null;
}

/** The catalogue's text: the one js/prefetch.js asked for while the page loaded, else fetched. */
function catalogueText(language) {
  const early = window.televentPrefetch && window.televentPrefetch.catalogues;
  if (early && early[language]) {
    const text = early[language];
    early[language] = null; // used once: a failed answer is asked again next time
    return text;
  }
  return fetch(`/app/i18n/${language}.ftl`, { credentials: "same-origin" }).then((response) => {
    if (!response.ok) throw new Error(`No catalogue for ${language}`);
    return response.text();
  });
}

function bundleOf(language) {
  if (!loaded.has(language)) {
    const pending = catalogueText(language)
      .then((text) => {
        const bundle = new FluentBundle(language, { useIsolating: RIGHT_TO_LEFT.has(language) });
        const errors = bundle.addResource(new FluentResource(text));
        if (errors.length) console.warn("Catalogue", language, errors);
        return bundle;
      });
    pending.catch(() => loaded.delete(language)); // not kept: asked again next time
    loaded.set(language, pending);
  }
  return loaded.get(language);
}

/** Use `language` (and the person's clock and first weekday) from now on. */
export async function useLanguage(language, { hourCycle = null, weekStart = null } = {}) {
  const code = supported(language) || "en";
  settings.hourCycle = hourCycle;
  settings.weekStart = weekStart;
  const chain = code === "en" ? ["en"] : [code, "en"];
  try {
    bundles = await Promise.all(chain.map(bundleOf));
    settings.language = code;
  } catch (error) {
    console.warn(error);
    bundles = [await bundleOf("en")];
    settings.language = "en";
  }
  document.documentElement.lang = settings.language;
  document.documentElement.dir = RIGHT_TO_LEFT.has(settings.language) ? "rtl" : "ltr";
  translateDom(document);
  return settings.language;
}

/** The message `id` in the current language (English when missing; the id itself at worst). */
export function t(id, args) {
  for (const bundle of bundles) {
    const message = bundle.getMessage(id);
    if (message && message.value) return bundle.formatPattern(message.value, args);
  }
  return id;
}

/** Translate every element under `root` that names a message. */
export function translateDom(root) {
  if (!bundles.length) return;
  for (const element of root.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
  const attributes = { i18nPlaceholder: "placeholder", i18nLabel: "aria-label", i18nTitle: "title" };
  for (const [key, attribute] of Object.entries(attributes)) {
    const selector = `[data-${key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())}]`;
    for (const element of root.querySelectorAll(selector)) {
      element.setAttribute(attribute, t(element.dataset[key]));
    }
  }
}

/** The current language (a BCP 47 tag for Intl). */
export function language() {
  return settings.language;
}

/** Whether times are written on a 12-hour clock for this person. */
export function uses12Hours() {
  if (settings.hourCycle === "12") return true;
  if (settings.hourCycle === "24") return false;
  const probe = new Intl.DateTimeFormat(settings.language, { hour: "numeric" }).resolvedOptions();
  return probe.hourCycle === "h12" || probe.hourCycle === "h11";
}

/** Intl options for a time of day in the person's clock (add timeZone as needed). */
export function timeOptions(extra = {}) {
  return { hour: "numeric", minute: "2-digit", hourCycle: uses12Hours() ? "h12" : "h23", ...extra };
}

/** The tag Intl writes dates with for a language: its words and digits on the Gregorian
 *  calendar, the calendar the grid is laid out on, rules (BYMONTH) count in and mails are
 *  written in. Persian's own default is the Solar Hijri calendar, whose months do not begin
 *  where the grid's do (ADR 0021). */
export function intlLocale(tag = settings.language) {
  return tag ? `${tag}-u-ca-gregory` : undefined;
}

/** A date formatter in the person's language (Intl options as given, clock applied). */
export function dateFormat(options = {}) {
  const withClock = "hour" in options ? { ...options, hourCycle: uses12Hours() ? "h12" : "h23" } : options;
  return new Intl.DateTimeFormat(intlLocale(), withClock);
}

/** "Nov 24, 6:40 PM": a moment the server wrote (ISO 8601, microseconds cut to what Date
 *  reads), in the person's language and clock; "" for none. */
export function serverMoment(stamp) {
  if (!stamp) return "";
  const moment = new Date(stamp.replace(/\.(\d{3})\d*/, ".$1"));
  return dateFormat({ month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }).format(moment);
}

/** The first day of the person's week, 0 for Sunday (as Date.getDay() counts). */
export function firstDay() {
  const chosen = { sun: 0, mon: 1, sat: 6 }[settings.weekStart];
  if (chosen !== undefined) return chosen;
  try {
    const locale = new Intl.Locale(settings.language);
    const info = locale.getWeekInfo ? locale.getWeekInfo() : locale.weekInfo;
    if (info && info.firstDay) return info.firstDay % 7; // Intl counts Monday 1 .. Sunday 7
  } catch (error) { /* an engine without week info */ }
  return 1;
}

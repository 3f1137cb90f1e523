// A time of day as the person writes it: one text field for every time the app asks for (the
// event form's start and end, the booking hours), shown in the person's own clock (12 or 24
// hours, js/i18n.js) and the document's language and digits, never the browser's locale as a
// native <input type="time"> is. It offers a time every half hour (a <datalist>), reads what
// people type ("17:00", "1700", "5pm", "5:30 PM", "9", "9.30", Persian or Arabic-Indic digits,
// the language's own AM/PM words), and hands the rest of the app "HH:MM" on 24 hours. What it
// cannot read is marked invalid (aria-invalid) and never taken for another time.
//
//   const input = timeField({ value: "17:00", "aria-label": "Monday from", oninput })
//   upgradeTimeField($("#f-start-time"))    a field already in the page
//   timeValue(input)    "17:00"; "" when empty; null when it is not a time (then marked)
//   setTime(input, "09:30")

import { dateFormat, language, t, uses12Hours } from "./i18n.js";
import { asciiDigits, fieldName, markField } from "./ui.js";

const STEP = 30; // minutes between the times offered
const LIST_ID = "timefield-times";
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

const pad = (number) => String(number).padStart(2, "0");

/** "17:00" (HH:MM, "24:00" the end of a day) in the person's clock and language: "17:00",
 *  "5:00 PM", "۱۷:۰۰". Anything else is given back as it is. */
export function formatTime(hhmm) {
  const match = /^(\d{2}):(\d{2})$/.exec(String(hhmm || ""));
  if (!match) return String(hhmm ?? "");
  const format = dateFormat({ hour: "numeric", minute: "2-digit", timeZone: "UTC" });
  // A narrow or no-break space (Intl's, before AM/PM) is an ordinary one in a field.
  return format.format(new Date(Date.UTC(2000, 0, 3, Number(match[1]) % 24, Number(match[2]))))
    .replace(/[\u00a0\u202f]/g, " ");
}

/** Letters of an AM/PM word only: "p. m." -> "pm", "ب.ظ." -> "بظ". */
function bare(text) {
  return text.toLocaleLowerCase().replace(/[\s.\u00a0\u202f\p{Cf}]/gu, "");
}

let markers = { key: null, am: new Set(), pm: new Set() };

/** The AM and PM words of the current language (Intl's), and the English ones. */
function dayPeriods() {
  const key = language();
  if (markers.key === key) return markers;
  const am = new Set(["am", "a"]);
  const pm = new Set(["pm", "p"]);
  try {
    const format = new Intl.DateTimeFormat(key, { hour: "numeric", hourCycle: "h12", timeZone: "UTC" });
    const period = (hour) => format.formatToParts(new Date(Date.UTC(2000, 0, 3, hour)))
      .filter((part) => part.type === "dayPeriod").map((part) => bare(part.value)).join("");
    if (period(5)) am.add(period(5));
    if (period(17)) pm.add(period(17));
  } catch (error) { /* an engine without this language: the English words only */ }
  markers = { key, am, pm };
  return markers;
}


/** What a person typed as "HH:MM" on 24 hours, or null when it is not a time: "17:00", "1700",
 *  "5pm", "5:30 PM", "9" (09:00), "9.30", "۱۷:۳۰", "۵:۳۰ ب.ظ.". */
export function parseTime(text) {
  const plain = asciiDigits(String(text ?? "").normalize("NFKC")).replace(/\p{Cf}/gu, "").trim();
  if (!plain) return null;
  const match = /^(\D*?)\s*(\d{1,2})(?:\s*[:.,h\u066b\u060c]\s*(\d{2}))?\s*(\D*)$/iu.exec(plain)
    || /^(\D*?)\s*(\d{1,2})(\d{2})\s*(\D*)$/u.exec(plain); // "1700", "930"
  if (!match) return null;
  const [, before, hourText, minuteText = "0", after] = match;
  if (bare(before) && bare(after)) return null;
  const word = bare(before) || bare(after);
  let hour = Number(hourText);
  const minute = Number(minuteText);
  if (minute > 59) return null;
  if (word) {
    const { am, pm } = dayPeriods();
    const isPm = pm.has(word);
    if (!isPm && !am.has(word)) return null;
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (isPm ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return `${pad(hour)}:${pad(minute)}`;
}

/** The shared list of times offered, in the current clock (made once, redone on a change). */
function suggestions() {
  let list = document.getElementById(LIST_ID);
  if (!list) {
    list = document.createElement("datalist");
    list.id = LIST_ID;
    document.body.append(list);
  }
  const key = `${language()}/${uses12Hours()}`;
  if (list.dataset.clock !== key) {
    const options = [];
    for (let minutes = 0; minutes < 1440; minutes += STEP) {
      const text = formatTime(`${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`);
      options.push(new Option(text, text));
    }
    list.replaceChildren(...options);
    list.dataset.clock = key;
  }
  return list;
}


/** The catalogue's words for what is wrong with the field's text. */
export function invalidMessage(input) {
  return t("time-field-invalid", { field: fieldName(input), example: formatTime("17:30") });
}

function mark(input, valid) {
  markField(input, valid ? null : invalidMessage(input));
}

/** Show `hhmm` ("HH:MM", or "" for none) in the person's clock. */
export function setTime(input, hhmm) {
  const value = HHMM.test(hhmm || "") || hhmm === "24:00" ? hhmm : "";
  input.dataset.time = value;
  input.value = value ? formatTime(value) : "";
  mark(input, true);
}

/** The field's time as "HH:MM" (24 hours); "" when it is empty; null when what is written is
 *  not a time, or nothing is in a required field (the field is then marked invalid, with the
 *  catalogue's message). */
export function timeValue(input) {
  const text = input.value.trim();
  if (!text) {
    mark(input, !input.required);
    return input.required ? null : "";
  }
  const parsed = parseTime(text);
  mark(input, parsed !== null);
  return parsed;
}

/** Whether every time field under `root` holds a time (or nothing); the first that does not
 *  is focused, and its message returned. */
export function firstInvalid(root) {
  for (const input of root.querySelectorAll("input.timefield")) {
    if (!input.disabled && timeValue(input) === null) {
      input.focus();
      return invalidMessage(input);
    }
  }
  return null;
}

/** Written again in the current clock: a valid time in its new form, anything else as typed. */
function redraw(input) {
  input.setAttribute("inputmode", uses12Hours() ? "text" : "decimal");
  input.setAttribute("list", suggestions().id);
  if (input.getAttribute("aria-invalid") === "true") {
    mark(input, false); // the message in the new words
    return;
  }
  if (input.dataset.time) input.value = formatTime(input.dataset.time);
}

/** Make `input` (a text input, already in the page) a time field. */
export function upgradeTimeField(input) {
  input.type = "text";
  input.classList.add("timefield");
  input.autocomplete = "off";
  input.spellcheck = false;
  input.setAttribute("autocapitalize", "off");
  if (!("time" in input.dataset)) input.dataset.time = "";
  input.addEventListener("input", () => {
    const parsed = parseTime(input.value);
    if (parsed !== null || !input.value.trim()) {
      input.dataset.time = parsed || "";
      mark(input, true); // marked again only when it is left or read
    }
  });
  input.addEventListener("change", () => {
    const value = timeValue(input);
    if (value) {
      input.dataset.time = value;
      input.value = formatTime(value);
    }
  });
  redraw(input);
  return input;
}

/** A new time field showing `value` ("HH:MM"; anything else is shown as typed, marked
 *  invalid); other attributes as js/ui.js h() takes them (aria-label, oninput...). */
export function timeField({ value = "", ...attrs } = {}) {
  const input = document.createElement("input");
  for (const [key, attribute] of Object.entries(attrs)) {
    if (attribute === undefined || attribute === null || attribute === false) continue;
    if (key.startsWith("on")) input.addEventListener(key.slice(2), attribute);
    else if (key === "class") input.className = attribute;
    else if (attribute === true) input.setAttribute(key, "");
    else input.setAttribute(key, attribute);
  }
  upgradeTimeField(input);
  const known = value === "24:00" || HHMM.test(value || "");
  if (known || !value) setTime(input, value);
  else {
    input.value = value;
    mark(input, false);
  }
  return input;
}

// Another language or clock (app.js redraw()): every time field is written in it.
document.addEventListener("televent:language", () => {
  for (const input of document.querySelectorAll("input.timefield")) redraw(input);
});

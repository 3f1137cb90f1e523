// Small DOM functions: elements, screens, messages and a choice dialog; dates in the
// document's language (<html lang>, not the browser's).

import { intlLocale, t, timeOptions } from "./i18n.js";

/** The language dates are written in: the document's (set from the person's settings), on the
 *  Gregorian calendar (js/i18n.js). */
export function locale() {
  return intlLocale(document.documentElement.lang);
}

/** h("button", {class: "x", onclick}, "text", child) */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    // Through the CSSOM: the page's Content-Security-Policy refuses style attributes.
    else if (key === "style") node.style.cssText = value;
    else if (value === true) node.setAttribute(key, "");
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** An email address, URL or other long token with places to break a line where a reader
 *  expects one: after ".", "/", "_" and "+" (a <wbr> each), and an address's two halves kept
 *  whole when they fit (each in a span.part, app.css), so that "name.surname@example.org"
 *  breaks before "@" first; the browser breaks there before it breaks anywhere else. */
export function breakable(text) {
  const value = String(text ?? "");
  const at = value.lastIndexOf("@");
  const halves = at > 0 ? [value.slice(0, at), value.slice(at)] : [value];
  const pieces = halves.map((half) => half.split(/(?<=[./_+])(?=.)/u));
  if (halves.length < 2 && pieces[0].length < 2) return value;
  const fragment = document.createDocumentFragment();
  for (const [index, parts] of pieces.entries()) {
    const holder = halves.length > 1 ? h("span", { class: "part" }) : fragment;
    parts.forEach((part, i) => holder.append(...(i ? [h("wbr"), part] : [part])));
    if (holder !== fragment) fragment.append(...(index ? [h("wbr"), holder] : [holder]));
  }
  return fragment;
}

/** Show one screen (a <section data-screen>) and hide the others. */
export function showScreen(name) {
  for (const screen of document.querySelectorAll("[data-screen]")) {
    screen.hidden = screen.dataset.screen !== name;
  }
  document.body.dataset.current = name;
  const heading = $(`[data-screen="${name}"] h1, [data-screen="${name}"] h2`);
  if (heading && name !== "calendar") {
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }
  window.scrollTo(0, 0);
}

let toastTimer;

/** A message at the bottom, read out by screen readers. */
export function toast(message, kind = "info") {
  const box = $("#toast");
  box.textContent = message;
  box.dataset.kind = kind;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, kind === "error" ? 8000 : 3500);
}

/** Ask `ask()` again each second, a minute at most, until `done(answer)` says so or `ask`
 *  fails (gone meanwhile, or signed out); the last answer, or null. */
export async function pollUntil(ask, done, tries = 60) {
  for (let tried = 0; tried < tries; tried += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    let answer;
    try {
      answer = await ask();
    } catch {
      return null;
    }
    if (done(answer)) return answer;
  }
  return null;
}

/** Ask a question with a few answers; resolves to the chosen value, or null when cancelled. */
export function choose(question, options) {
  return new Promise((resolve) => {
    const dialog = h("dialog", { class: "choice", "aria-label": question });
    const done = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    dialog.append(
      h("p", {}, question),
      h("div", { class: "choice-buttons" },
        options.map(([value, label, kind]) =>
          h("button", { type: "button", class: kind || "", onclick: () => done(value) }, label)),
        h("button", { type: "button", class: "secondary", onclick: () => done(null) }, t("main-cancel"))),
    );
    dialog.addEventListener("cancel", (event) => { event.preventDefault(); done(null); });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** "Tue 24 Nov, 10:00 – 11:00" in the user's language. */
export function formatRange(startWall, endWall, allDay) {
  const d = (w) => new Date(`${w.length === 10 ? `${w}T00:00:00` : w}Z`);
  const day = { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" };
  const time = timeOptions({ timeZone: "UTC" }); // the person's clock (js/i18n.js), as the grid
  const start = d(startWall);
  const end = d(endWall);
  if (allDay) {
    const last = new Date(end.getTime() - 86400000);
    const first = start.toLocaleDateString(locale(), day);
    if (last <= start) return t("calendar-all-day-when", { days: first });
    return t("calendar-all-day-when", { days: `${first} – ${last.toLocaleDateString(locale(), day)}` });
  }
  const sameDay = startWall.slice(0, 10) === endWall.slice(0, 10);
  const from = `${start.toLocaleDateString(locale(), day)}, ${start.toLocaleTimeString(locale(), time)}`;
  const to = sameDay ? end.toLocaleTimeString(locale(), time)
    : `${end.toLocaleDateString(locale(), day)}, ${end.toLocaleTimeString(locale(), time)}`;
  return `${from} – ${to}`;
}

/** Digits of any script as ASCII ones: Persian "۱۷" and Arabic-Indic "١٧" are 17. */
export function asciiDigits(text) {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0);
    for (const zero of [0x06f0, 0x0660, 0xff10, 0x0966]) {
      if (code >= zero && code <= zero + 9) return String(code - zero);
    }
    return digit;
  });
}

/** A field's name for a message: its aria-label, else its <label>. */
export function fieldName(input) {
  const label = input.getAttribute("aria-label") || (input.labels && input.labels[0] && input.labels[0].textContent);
  return (label || "").trim();
}

/** Mark a text field as holding what it should (`problem` null) or not (`problem`: the words
 *  saying what is wrong, shown by the browser and read out by screen readers). */
export function markField(input, problem) {
  if (problem === null) {
    input.removeAttribute("aria-invalid");
    input.setCustomValidity("");
    input.removeAttribute("title");
  } else {
    input.setAttribute("aria-invalid", "true");
    input.setCustomValidity(problem);
    input.title = problem;
  }
}

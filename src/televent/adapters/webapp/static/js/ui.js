// Small DOM functions: elements, screens, messages and a choice dialog.

/** h("button", {class: "x", onclick}, "text", child) */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
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
        h("button", { type: "button", class: "secondary", onclick: () => done(null) }, "Cancel")),
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
  const time = { hour: "2-digit", minute: "2-digit", timeZone: "UTC" };
  const start = d(startWall);
  const end = d(endWall);
  if (allDay) {
    const last = new Date(end.getTime() - 86400000);
    const first = start.toLocaleDateString(undefined, day);
    if (last <= start) return `${first}, all day`;
    return `${first} – ${last.toLocaleDateString(undefined, day)}, all day`;
  }
  const sameDay = startWall.slice(0, 10) === endWall.slice(0, 10);
  const from = `${start.toLocaleDateString(undefined, day)}, ${start.toLocaleTimeString(undefined, time)}`;
  const to = sameDay ? end.toLocaleTimeString(undefined, time)
    : `${end.toLocaleDateString(undefined, day)}, ${end.toLocaleTimeString(undefined, time)}`;
  return `${from} – ${to}`;
}

// The live stream (docs/adr/0028): while the page is visible, one GET /api/v1/stream is kept
// open, read with fetch() and a stream reader (EventSource cannot send the Telegram init data
// as an Authorization header; outside Telegram the session cookie goes along, as in api.js).
// Each event names a calendar that changed, appeared or went away; a moment after the last of a
// burst the period on screen is loaded again, and the calendar list with it (a calendar that
// went away is named like one that changed, so the list is asked each time: one small GET).
// Nothing is redrawn while the person is filling in a form: what changed meanwhile is loaded
// once they leave it. Hidden, the stream is closed; visible again, it reopens with the last
// event id seen (Last-Event-ID), and the server tells what changed in between. A stream that
// fails or ends is opened again after a pause that doubles each time (1 s up to 30 s; the
// server's `retry:` is meant for EventSource and not needed here); a refusal (401: the launch
// data expired) is not asked again, the next API call says so.
//
// <body data-live="open"> while the stream is open and the server said it is ready, "closed"
// otherwise (for anyone who wants to know, tests included).

import * as calendar from "./calendar.js";
import { loadCalendars } from "./calendars.js";
import { language } from "./i18n.js";

const STREAM = "/api/v1/stream";
const FIRST_PAUSE = 1000; // before the first attempt to reopen
const LONGEST_PAUSE = 30000;
const STEADY = 10000; // a stream that lasted this long was fine: the next pause is short again
const SETTLE = 300; // events this close together are one reload
// Screens that are forms being filled in: no reload under the person's fingers.
const EDITING = new Set(["form", "settings"]);

let started = false;
let initData = "";
let controller = null; // the AbortController of the stream open now (or being opened)
let retryTimer = null;
let pause = FIRST_PAUSE;
let lastEventId = null; // the id of the last event the server sent (a log position)
let attempted = false; // a stream was asked for before
let waiting = false; // something changed that is not on screen yet
let settleTimer = null;
let watcher = null; // a MutationObserver waiting for the person to leave a form

/**
 * A reader of the text/event-stream format (HTML, "Server-sent events": lines end with CRLF,
 * LF or CR; `field: value`, one space after the colon dropped; a line starting with ":" is a
 * comment; a blank line ends an event; `data` lines are joined with "\n"; `id` is kept as the
 * last event id even by an event without data). `on.event({type, data, id})`,
 * `on.comment(text)`, `on.retry(ms)`; push() the decoded text as it arrives.
 */
export function eventStreamParser(on) {
  let buffer = "";
  let data = [];
  let type = "";
  let idBuffer = null;
  let lastId = null;

  function dispatch() {
    if (idBuffer !== null) lastId = idBuffer;
    const lines = data;
    const kind = type || "message";
    data = [];
    type = "";
    if (!lines.length) return;
    if (on.event) on.event({ type: kind, data: lines.join("\n"), id: lastId });
  }

  function line(text) {
    if (text === "") {
      dispatch();
      return;
    }
    if (text[0] === ":") {
      if (on.comment) on.comment(text.slice(1).replace(/^ /, ""));
      return;
    }
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value[0] === " ") value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") type = value;
    else if (field === "id") {
      if (!value.includes("\0")) idBuffer = value;
    } else if (field === "retry") {
      if (/^\d+$/.test(value) && on.retry) on.retry(Number(value));
    }
    // any other field is ignored, as the format says
  }

  let afterCR = false; // the last line ended with "\r": a "\n" first in the next text is its end too

  return {
    push(text) {
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i += 1) {
        const char = buffer[i];
        if (afterCR && i === start && char === "\n") {
          afterCR = false;
          start = i + 1;
          continue;
        }
        afterCR = false;
        if (char !== "\n" && char !== "\r") continue;
        line(buffer.slice(start, i));
        afterCR = char === "\r";
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    get lastEventId() {
      return lastId;
    },
  };
}

function mark(open) {
  document.body.dataset.live = open ? "open" : "closed";
}

/** Open the stream (unless one is open, the page is hidden or the app was not started). */
async function open() {
  if (!started || controller || document.visibilityState === "hidden") return;
  clearTimeout(retryTimer);
  retryTimer = null;
  const mine = new AbortController();
  controller = mine;
  const reopened = attempted;
  attempted = true;
  const headers = { Accept: "text/event-stream", "Accept-Language": language() };
  if (initData) headers.Authorization = `tma ${initData}`;
  if (lastEventId !== null) headers["Last-Event-ID"] = lastEventId;
  const resumes = lastEventId !== null;
  let openedAt = 0;
  let signedOut = false;
  try {
    const response = await fetch(STREAM, {
      headers, credentials: "same-origin", cache: "no-store", signal: mine.signal,
    });
    if (response.status === 401 || response.status === 403) {
      signedOut = true; // the launch data expired or the session ended: the next API call says so
    } else if (!response.ok || !response.body) {
      throw new Error(`HTTP ${response.status}`);
    } else {
      openedAt = Date.now();
      const parser = eventStreamParser({
        event: (event) => {
          if (event.id !== null) lastEventId = event.id;
          changed(); // {"calendar": id, "position": n}: the list and the period say what
        },
        comment: (text) => {
          if (text !== "ready" || mine.signal.aborted) return;
          mark(true);
          // Reopened without an id to resume from: what changed while it was closed is unknown.
          if (reopened && !resumes) changed();
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
    }
  } catch {
    // offline, refused, or cut off: opened again below (unless closed on purpose)
  }
  if (controller === mine) controller = null;
  if (mine.signal.aborted) return; // closed on purpose (hidden): the state was set then
  mark(false);
  if (signedOut) return;
  if (openedAt && Date.now() - openedAt >= STEADY) pause = FIRST_PAUSE;
  retryLater();
}

function retryLater() {
  clearTimeout(retryTimer);
  const jitter = 0.8 + Math.random() * 0.4;
  retryTimer = setTimeout(open, Math.round(pause * jitter));
  pause = Math.min(pause * 2, LONGEST_PAUSE);
}

function close() {
  clearTimeout(retryTimer);
  retryTimer = null;
  if (controller) {
    controller.abort();
    controller = null;
  }
  mark(false);
}

/** Something changed: load it a moment after the last event of a burst. */
function changed() {
  waiting = true;
  clearTimeout(settleTimer);
  settleTimer = setTimeout(apply, SETTLE);
}

/** True while the person is filling in a form, dragging an event or answering a question. */
function busy() {
  const body = document.body;
  return EDITING.has(body.dataset.current) || body.classList.contains("dragging")
    || Boolean(document.querySelector("dialog[open]"));
}

function apply() {
  if (!waiting) return;
  if (busy()) {
    waitForLeaving();
    return;
  }
  waiting = false;
  if (watcher) {
    watcher.disconnect();
    watcher = null;
  }
  // The calendar list (a calendar new to it, gone from it, renamed or recoloured) and the
  // period on screen, side by side; each draws from what the page knows when it answers.
  loadCalendars(false).catch(() => {});
  calendar.reload().catch(() => {});
}

/** Apply what changed once the person leaves the form (or the drag, or the question). */
function waitForLeaving() {
  if (watcher) return;
  watcher = new MutationObserver(() => {
    if (!busy()) {
      clearTimeout(settleTimer);
      settleTimer = setTimeout(apply, SETTLE);
    }
  });
  watcher.observe(document.body, { attributes: true, attributeFilter: ["data-current", "class"], childList: true });
}

function visibility() {
  if (document.visibilityState === "hidden") {
    close();
  } else if (!controller) {
    pause = FIRST_PAUSE;
    open();
  }
}

/** Keep the stream open from now on (once signed in); `data`: Telegram's init data, or "". */
export function startLive(data = "") {
  if (started) return;
  started = true;
  initData = data || "";
  mark(false);
  document.addEventListener("visibilitychange", visibility);
  window.addEventListener("online", () => {
    if (!controller && document.visibilityState !== "hidden") {
      pause = FIRST_PAUSE;
      open();
    }
  });
  open();
}

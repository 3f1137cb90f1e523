// The JSON API at /api/v1: Telegram init data when opened in Telegram, else the session cookie
// set by the bot's one-time login link. Errors are RFC 9457 problem details.

import { language, t } from "./i18n.js";

const BASE = "/api/v1";

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }

  /**
   * A sentence a person can read, in the app's language: the problem's detail alone (the
   * server writes it in that language, and it says what went wrong and what to do; its
   * title would only say "refused" before it), else its title, else the status.
   */
  get readable() {
    if (this.status === 412) return t("main-error-changed");
    if (this.status === 0) return t("main-error-offline");
    return this.detail || this.title || t("main-error-status", { status: String(this.status) });
  }
}

let initData = "";

/** Use Telegram's init data (when non-empty) on every call. */
export function useInitData(data) {
  initData = data || "";
}

async function problem(response) {
  // Only a problem document's words are the person's language: a body that is not one (a
  // proxy's error page) is said by its status, never by the HTTP status text (English).
  let title = "";
  let detail = "";
  try {
    const body = await response.json();
    title = body.title || "";
    detail = body.detail || "";
    if (!detail && Array.isArray(body.errors)) detail = body.errors.map((e) => e.message).join("; ");
  } catch {
    // not JSON: said by its status
  }
  return new ApiError(response.status, title, detail);
}

/** One call; answers {data, etag} or throws ApiError. */
export async function call(method, path, { body, etag, query } = {}) {
  // Problems are written in the language the app speaks (the API reads Accept-Language).
  const headers = { Accept: "application/json", "Accept-Language": language() };
  if (initData) headers.Authorization = `tma ${initData}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (etag) headers["If-Match"] = etag;
  let url = `${BASE}${path}`;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== "") params.set(key, value);
    }
    const text = params.toString();
    if (text) url += `?${text}`;
  }
  return answer(fetch(url, {
    method, headers, credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  }));
}

/** POST a file as the body (`type`: its media type, as text/calendar); answers as `call`. */
export async function upload(path, file, type) {
  const headers = { Accept: "application/json", "Accept-Language": language(), "Content-Type": type };
  if (initData) headers.Authorization = `tma ${initData}`;
  return answer(fetch(`${BASE}${path}`, { method: "POST", headers, credentials: "same-origin", body: file }));
}

async function answer(pending) {
  let response;
  try {
    response = await pending;
  } catch {
    throw new ApiError(0, "Offline", "");
  }
  if (!response.ok) throw await problem(response);
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  return { data, etag: response.headers.get("ETag") };
}

/** What js/prefetch.js asked for before the modules loaded (each answer used once). */
function prefetched(kind) {
  const prefetch = window.televentPrefetch;
  const value = prefetch && prefetch[kind];
  if (prefetch) prefetch[kind] = null;
  return value || null;
}

/** GET /me, answered by the prefetch when there is one. */
export function me() {
  const early = prefetched("me");
  return early ? answer(early) : get("/me");
}

export const get = (path, query) => call("GET", path, { query });

const MAX_PAGES = 20; // of 500: ten thousand occurrences in one view

/** Every occurrence in [start, end): one call for a week, more only when the server pages,
 *  at most MAX_PAGES of them (the earliest occurrences; `more` says when some were left).
 *  `unreadable` and `incomplete`: how many events the server could not list, or not whole
 *  (`by` calendar too). */
export async function eventsBetween(start, end) {
  const early = prefetched("events");
  if (early && Date.parse(early.start) <= Date.parse(start) && Date.parse(early.end) >= Date.parse(end)) {
    const { data } = await answer(early.response);
    if (!data.next_cursor) return { items: data.items || [], start: early.start, end: early.end, more: false, ...leftOut(data) };
  }
  const items = [];
  const left = { unreadable: 0, incomplete: 0, by: null };
  let cursor;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { data } = await get("/events", { start, end, cursor, limit: 500 });
    items.push(...(data.items || []));
    const said = leftOut(data); // every page says it of the whole window
    left.unreadable = Math.max(left.unreadable, said.unreadable);
    left.incomplete = Math.max(left.incomplete, said.incomplete);
    left.by = said.by;
    cursor = data.next_cursor;
    if (!cursor) break;
  }
  return { items, start, end, more: Boolean(cursor), ...left };
}

/** What a listing says it left out: counts, and the same by calendar (`by`, null when the
 *  server does not say). */
const leftOut = (data) => ({
  unreadable: Number(data.unreadable) || 0,
  incomplete: Number(data.incomplete) || 0,
  by: Array.isArray(data.left_out) ? data.left_out : null,
});

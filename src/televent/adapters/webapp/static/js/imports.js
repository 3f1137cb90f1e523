// Importing an .ics file into a calendar (docs/adr/0024), on its people screen when the user
// may add events to it: the file chosen is sent as it is (POST /api/v1/calendars/{id}/import,
// text/calendar), and the answer says what was imported, updated, already there and skipped
// and why, in the user's language; the calendar then shows the new events.

import { upload } from "./api.js";
import { t } from "./i18n.js";
import { writable } from "./state.js";
import { $ } from "./ui.js";

const MAX_BYTES = 10_000_000; // as the server: docs/adr/0024
let shown = null; // the calendar the import goes into
let on = { fail() {}, imported() {} };

/** `handlers`: fail(error), imported() after events were stored. */
export function bindImport(handlers) {
  on = handlers;
  $("#import-choose").addEventListener("click", () => $("#import-file").click());
  $("#import-file").addEventListener("change", chosen);
}

/** Offer the import for `calendar` (hidden when the user may only read it). */
export function showImport(calendar) {
  shown = calendar;
  $("#import").hidden = !writable(calendar);
  $("#import-result").textContent = "";
  $("#import-file").value = "";
}

async function chosen(event) {
  const input = event.target;
  const file = input.files && input.files[0];
  const calendar = shown;
  if (!file || !calendar) return;
  const result = $("#import-result");
  if (file.size > MAX_BYTES) {
    result.textContent = t("app-import-too-large", { size: (file.size / 1_000_000).toFixed(1), limit: 10 });
    input.value = "";
    return;
  }
  result.textContent = t("app-import-working");
  $("#import-choose").disabled = true;
  try {
    const { data } = await upload(`/calendars/${calendar.id}/import`, file, "text/calendar");
    if (shown !== calendar) return;
    result.textContent = data.message;
    if (data.imported || data.updated) on.imported();
  } catch (error) {
    result.textContent = "";
    on.fail(error);
  } finally {
    $("#import-choose").disabled = false;
    input.value = "";
  }
}

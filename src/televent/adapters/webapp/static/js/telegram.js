// Telegram's web-app script (vendored) when the page runs inside Telegram: init data for the
// API, the theme, the native Back and Main buttons, haptics. Outside Telegram every function
// here does nothing and the page shows its own buttons instead.

const webApp = window.Telegram && window.Telegram.WebApp;

export const inTelegram = Boolean(webApp && webApp.initData);

export function initData() {
  return inTelegram ? webApp.initData : "";
}

/** The language the person's Telegram app reports (its language_code), or "" outside it. */
export function telegramLanguage() {
  const user = inTelegram && webApp.initDataUnsafe ? webApp.initDataUnsafe.user : null;
  return (user && user.language_code) || "";
}

/** The person's Telegram id as the launch data names it (null outside Telegram). */
export function telegramUser() {
  const user = inTelegram && webApp.initDataUnsafe ? webApp.initDataUnsafe.user : null;
  return user && user.id ? String(user.id) : null;
}

function startParam() {
  return (inTelegram && webApp.initDataUnsafe ? webApp.initDataUnsafe.start_param : "") || "";
}

/** An event id from Telegram's start parameter (`event_<id>`, `event-<id>` or the bare id). */
export function startEventId() {
  const param = startParam();
  if (!param || /^cal[_-]/.test(param)) return "";
  return param.replace(/^event[_-]/, "");
}

/** A calendar id from Telegram's start parameter (`cal_<id>`: a group's calendar, as
 *  `t.me/<bot>/<app>?startapp=cal_<id in hex>` opens it). */
export function startCalendarId() {
  const found = /^cal[_-]([0-9a-fA-F-]{32,36})$/.exec(startParam());
  return found ? found[1] : "";
}

function applyScheme() {
  const dark = inTelegram ? webApp.colorScheme === "dark" : null;
  document.documentElement.dataset.scheme = dark === null ? "auto" : dark ? "dark" : "light";
}

/** Tell Telegram the page is ready, take the whole height, follow theme changes. */
export function start() {
  applyScheme();
  if (!inTelegram) return;
  document.documentElement.classList.add("in-telegram");
  webApp.onEvent("themeChanged", applyScheme);
  webApp.ready();
  webApp.expand();
}

/** Open `url` outside the Mini App: Telegram's browser inside Telegram, this tab outside. */
export function openOutside(url) {
  if (inTelegram && webApp.openLink) webApp.openLink(url);
  else window.location.assign(url);
}

let backHandler = null;
let mainHandler = null;

/** Show Telegram's Back button calling `handler`, or hide it for null. */
export function setBack(handler) {
  if (!inTelegram) return;
  if (backHandler) webApp.BackButton.offClick(backHandler);
  backHandler = handler;
  if (handler) {
    webApp.BackButton.onClick(handler);
    webApp.BackButton.show();
  } else {
    webApp.BackButton.hide();
  }
}

/** Show Telegram's Main button with `text` calling `handler`, or hide it for null. */
export function setMain(text, handler) {
  if (!inTelegram) return;
  if (mainHandler) webApp.MainButton.offClick(mainHandler);
  mainHandler = handler;
  if (handler) {
    webApp.MainButton.setParams({ text, is_visible: true, is_active: true });
    webApp.MainButton.onClick(handler);
  } else {
    webApp.MainButton.hide();
  }
}

/** A spinner on the Main button while a save is under way. */
export function mainBusy(busy) {
  if (!inTelegram) return;
  if (busy) webApp.MainButton.showProgress(false);
  else webApp.MainButton.hideProgress();
}

/** A short vibration after an answer to an invitation. */
export function hapticSuccess() {
  if (inTelegram && webApp.HapticFeedback) webApp.HapticFeedback.notificationOccurred("success");
}

export function hapticError() {
  if (inTelegram && webApp.HapticFeedback) webApp.HapticFeedback.notificationOccurred("error");
}

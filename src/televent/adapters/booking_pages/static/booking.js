// The public booking pages: /book/<slug> (pick a time, book it) and
// /book/<slug>/manage/<token> (see, cancel or move a booking).
// Plain ES module, no framework. Every text from the server goes through textContent.
// Words come from the message catalogue in the page's language (<html lang>, chosen by the
// server from ?lang= or the browser's Accept-Language): the booking-page*.ftl files served at
// /book/i18n/<language>.ftl, rendered by Fluent (the copy vendored for the Mini App); dates and
// times are written by Intl in that language and the visitor's zone.

import { FluentBundle, FluentResource } from '/app/vendor/fluent-bundle/0.19.1/index.js';

const API = '/api/v1/book';
const DAY_MS = 86_400_000;
const SEARCH_WINDOW_DAYS = 28; // how many days one slot request covers at most (the API allows 62)
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const $ = (id) => document.getElementById(id);
const match = location.pathname.match(/^\/book\/([^/]+)(?:\/manage\/([^/]+))?\/?$/);
const slug = match ? decodeURIComponent(match[1]) : '';
const token = match && match[2] ? decodeURIComponent(match[2]) : null;
const base = `${API}/${encodeURIComponent(slug)}`;
const LANG = document.documentElement.lang || 'en';
const RIGHT_TO_LEFT = new Set(['fa']);
let bundles = []; // the page's language, then English for what it lacks

const state = {
  link: null, // GET /api/v1/book/<slug>
  booking: null, // manage page: the booking
  tz: initialZone(),
  duration: null,
  today: '',
  lastDay: '',
  weekStart: '',
  day: null, // the chosen day (YYYY-MM-DD in state.tz)
  slots: new Map(), // day -> [{start, end}]
  fetched: new Set(), // days whose slots are known
  chosen: null, // the chosen slot
  mode: 'book', // or 'reschedule'
};

// ---------------------------------------------------------------- words

async function loadMessages() {
  const chain = LANG === 'en' ? ['en'] : [LANG, 'en'];
  const loaded = await Promise.all(chain.map(async (code) => {
    try {
      const response = await fetch(`/book/i18n/${code}.ftl`, { credentials: 'omit' });
      if (!response.ok) return null;
      const bundle = new FluentBundle(code, { useIsolating: RIGHT_TO_LEFT.has(code) });
      bundle.addResource(new FluentResource(await response.text()));
      return bundle;
    } catch {
      return null;
    }
  }));
  bundles = loaded.filter(Boolean);
}

// The message `id` in the page's language (English when it lacks it).
function t(id, args) {
  for (const bundle of bundles) {
    const message = bundle.getMessage(id);
    if (message && message.value) return bundle.formatPattern(message.value, args);
  }
  return id;
}

// ---------------------------------------------------------------- time zones and dates

function validZone(zone) {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function initialZone() {
  const asked = new URLSearchParams(location.search).get('tz');
  if (validZone(asked)) return asked;
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return validZone(own) ? own : 'UTC';
}

function allZones() {
  let zones = [];
  if (typeof Intl.supportedValuesOf === 'function') {
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = [];
    }
  }
  if (!zones.length) {
    zones = [
      'UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'Europe/Moscow', 'Asia/Dubai',
      'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland',
      'America/Sao_Paulo', 'America/New_York', 'America/Chicago', 'America/Denver',
      'America/Los_Angeles', 'Pacific/Honolulu',
    ];
  }
  const set = new Set(zones);
  set.add(state.tz);
  set.add('UTC');
  return [...set].sort();
}

// The calendar day (YYYY-MM-DD) of an instant in a zone.
function dayOf(instant, zone) {
  const parts = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
  });
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function addDays(day, count) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

// A plain day shown in words (noon UTC: the same day in every formatter).
function plainDay(day, options) {
  return new Intl.DateTimeFormat(LANG, { ...options, timeZone: 'UTC' })
    .format(new Date(`${day}T12:00:00Z`));
}

function timeText(instant, zone) {
  return new Intl.DateTimeFormat(LANG, { hour: 'numeric', minute: '2-digit', timeZone: zone })
    .format(instant);
}

function dateText(instant, zone) {
  return new Intl.DateTimeFormat(LANG, {
    weekday: 'short', day: 'numeric', month: 'short', timeZone: zone,
  }).format(instant);
}

// "Tue 3 Mar, 14:00-14:30 (America/New_York)"
function rangeText(start, end, zone) {
  const from = new Date(start);
  const to = new Date(end);
  const at = (instant, time) => t('booking-page-day-time', { day: dateText(instant, zone), time });
  let when = at(from, t('booking-page-time-range', { from: timeText(from, zone), to: timeText(to, zone) }));
  if (dayOf(from, zone) !== dayOf(new Date(to.getTime() - 1), zone)) {
    when = t('booking-page-time-range', { from: at(from, timeText(from, zone)), to: at(to, timeText(to, zone)) });
  }
  return t('booking-page-zone', { when, zone });
}

function minutesText(minutes) {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!hours) return t('booking-page-minutes', { minutes: rest });
  return rest ? t('booking-page-hours-minutes', { hours, minutes: rest }) : t('booking-page-hours', { hours });
}

function durationsText(lengths) {
  const sorted = [...lengths].sort((a, b) => a - b).map(minutesText);
  if (typeof Intl.ListFormat !== 'function') return sorted.join(', ');
  return new Intl.ListFormat(LANG, { type: 'disjunction' }).format(sorted); // "30 min or 1 h"
}

// ---------------------------------------------------------------- talking to the server

class Problem extends Error {
  constructor(status, body) {
    super(problemText(status, body));
    this.status = status;
    this.body = body || {};
  }
}

// What a problem says: in English its detail; in another language its title (which the API
// writes in the page's language) with the detail, which may be the server's English.
function problemText(status, body) {
  const { title, detail } = body || {};
  if (!title && !detail) return t('booking-page-server-said', { status: String(status) });
  if (LANG === 'en' || !title) return detail || title;
  return detail && detail !== title ? `${title} (${detail})` : title;
}

async function call(method, url, body) {
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? { Accept: 'application/json', 'Accept-Language': LANG }
        : { Accept: 'application/json', 'Accept-Language': LANG, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new Problem(0, { detail: t('booking-page-offline') });
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    if (response.status === 429) {
      throw new Problem(429, { detail: t('booking-page-too-many') });
    }
    throw new Problem(response.status, data);
  }
  return data;
}

async function fetchSlots(from, to) {
  const params = new URLSearchParams({ start: from, end: to, tz: state.tz });
  if (state.duration) params.set('duration', String(state.duration));
  const answer = await call('GET', `${base}/slots?${params}`);
  for (let day = from; day < to; day = addDays(day, 1)) {
    state.fetched.add(day);
    state.slots.set(day, []);
  }
  storeSlots(answer.slots || []);
}

function storeSlots(slots) {
  for (const slot of slots) {
    const day = dayOf(new Date(slot.start), state.tz);
    if (!state.slots.has(day)) state.slots.set(day, []);
    const list = state.slots.get(day);
    if (!list.some((s) => Date.parse(s.start) === Date.parse(slot.start))) list.push(slot);
    list.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }
}

// Fresh slots from a 409: they replace what was known of the days they cover.
function replaceSlots(slots, aroundDay) {
  for (const day of [addDays(aroundDay, -1), aroundDay, addDays(aroundDay, 1)]) {
    state.slots.set(day, []);
    state.fetched.add(day);
  }
  storeSlots(slots);
}

async function ensureDays(from, to) {
  const start = from < state.today ? state.today : from;
  const end = to > addDays(state.lastDay, 1) ? addDays(state.lastDay, 1) : to;
  let missing = null;
  for (let day = start; day < end; day = addDays(day, 1)) {
    if (!state.fetched.has(day)) {
      missing = day;
      break;
    }
  }
  if (missing === null) return;
  await fetchSlots(missing, end);
}

function resetSlots() {
  state.slots = new Map();
  state.fetched = new Set();
}

// ---------------------------------------------------------------- page parts

function show(id, visible = true) {
  $(id).hidden = !visible;
}

function notice(text, kind = 'info') {
  const element = $('notice');
  element.textContent = text || '';
  element.classList.toggle('warn', kind === 'warn');
  element.hidden = !text;
}

function finishLoading() {
  show('loading', false);
  $('page').setAttribute('aria-busy', 'false');
}

function notFound(heading, text) {
  finishLoading();
  document.title = heading;
  show('intro');
  $('owner').textContent = '';
  $('title').textContent = heading;
  $('duration-fact').textContent = '';
  show('location-fact', false);
  show('description', false);
  for (const id of ['zone', 'picker', 'details', 'manage', 'confirm-move', 'done']) show(id, false);
  notice(text, 'warn');
}

function renderIntro(link, ownerLine) {
  show('intro');
  document.title = `${link.title} · ${link.owner_name}`;
  $('owner').textContent = ownerLine;
  $('title').textContent = link.title;
  $('duration-fact').textContent = durationsText(link.lengths);
  $('location-fact').textContent = link.location || '';
  show('location-fact', Boolean(link.location));
  $('description').textContent = link.description || '';
  show('description', Boolean(link.description));
}

function fillZones() {
  const select = $('tz');
  select.replaceChildren();
  for (const zone of allZones()) {
    const option = document.createElement('option');
    option.value = zone;
    option.textContent = zone.replaceAll('_', ' ');
    select.append(option);
  }
  select.value = state.tz;
  select.addEventListener('change', () => changeZone(select.value));
}

function fillDurations(lengths) {
  const box = $('duration-choices');
  box.replaceChildren();
  show('durations', lengths.length > 1);
  if (lengths.length < 2) return;
  for (const minutes of [...lengths].sort((a, b) => a - b)) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = minutesText(minutes);
    button.dataset.minutes = String(minutes);
    button.setAttribute('aria-pressed', String(minutes === state.duration));
    button.addEventListener('click', () => changeDuration(minutes));
    box.append(button);
  }
}

function renderWeek() {
  const days = $('days');
  days.replaceChildren();
  const end = addDays(state.weekStart, 6);
  $('week-label').textContent = t('booking-page-week', {
    from: plainDay(state.weekStart, { day: 'numeric', month: 'short' }),
    to: plainDay(end, { day: 'numeric', month: 'short' }),
  });
  for (let i = 0; i < 7; i += 1) {
    const day = addDays(state.weekStart, i);
    const slots = state.slots.get(day) || [];
    const open = day >= state.today && day <= state.lastDay && slots.length > 0;
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.day = day;
    const weekday = document.createElement('span');
    weekday.textContent = plainDay(day, { weekday: 'short' });
    const number = document.createElement('span');
    number.className = 'num';
    number.textContent = plainDay(day, { day: 'numeric' });
    button.append(weekday, number);
    const long = plainDay(day, { weekday: 'long', day: 'numeric', month: 'long' });
    button.setAttribute('aria-label', open
      ? t('booking-page-day-label', { day: long, count: slots.length })
      : t('booking-page-day-closed', { day: long }));
    button.setAttribute('aria-pressed', String(day === state.day));
    button.classList.toggle('has-slots', open);
    button.disabled = !open;
    button.addEventListener('click', () => chooseDay(day));
    days.append(button);
  }
  $('prev-week').disabled = state.weekStart <= state.today;
  $('next-week').disabled = addDays(state.weekStart, 7) > state.lastDay;
  renderSlots();
}

function renderSlots() {
  const list = $('slots');
  list.replaceChildren();
  const hint = $('slots-hint');
  const heading = $('day-heading');
  const inWeek = state.day && state.day >= state.weekStart && state.day <= addDays(state.weekStart, 6);
  const slots = inWeek ? state.slots.get(state.day) || [] : [];
  if (!inWeek || !slots.length) {
    heading.textContent = '';
    const weekEmpty = [...Array(7).keys()].every(
      (i) => !(state.slots.get(addDays(state.weekStart, i)) || []).length,
    );
    hint.textContent = weekEmpty ? t('booking-page-week-empty') : t('booking-page-pick-day');
    show('slots-hint');
    return;
  }
  heading.textContent = t('booking-page-day-heading', {
    day: plainDay(state.day, { weekday: 'long', day: 'numeric', month: 'long' }), zone: state.tz,
  });
  show('slots-hint', false);
  for (const slot of slots) {
    const button = document.createElement('button');
    button.type = 'button';
    const start = new Date(slot.start);
    button.textContent = timeText(start, state.tz);
    button.setAttribute('aria-label', t('booking-page-slot-label', {
      from: timeText(start, state.tz), to: timeText(new Date(slot.end), state.tz),
    }));
    button.dataset.start = slot.start;
    button.addEventListener('click', () => chooseSlot(slot));
    list.append(button);
  }
}

function slotsError(problem) {
  $('slots').replaceChildren();
  $('day-heading').textContent = '';
  $('slots-hint').textContent = problem.message;
  show('slots-hint');
}

// ---------------------------------------------------------------- picking a time

// The first day with free times from `from` on, searching up to the horizon.
async function firstOpenDay(from) {
  let start = from < state.today ? state.today : from;
  while (start <= state.lastDay) {
    const end = addDays(start, SEARCH_WINDOW_DAYS);
    await ensureDays(start, end);
    for (let day = start; day < end && day <= state.lastDay; day = addDays(day, 1)) {
      if ((state.slots.get(day) || []).length) return day;
    }
    start = end;
  }
  return null;
}

function weekOf(day) {
  return addDays(state.today, Math.floor(daysBetween(state.today, day) / 7) * 7);
}

async function startPicker(from) {
  show('picker');
  state.today = dayOf(new Date(), state.tz);
  state.lastDay = addDays(state.today, state.link.horizon_days);
  $('slots-hint').textContent = t('booking-page-looking');
  show('slots-hint');
  try {
    const day = await firstOpenDay(from || state.today);
    state.day = day;
    state.weekStart = weekOf(day || from || state.today);
    await ensureDays(state.weekStart, addDays(state.weekStart, 7));
    renderWeek();
    if (!day) {
      $('slots-hint').textContent = t('booking-page-nothing-free', { days: state.link.horizon_days });
    }
  } catch (problem) {
    state.weekStart = state.weekStart || state.today;
    slotsError(problem);
  }
}

async function moveWeek(step) {
  const next = addDays(state.weekStart, step * 7);
  if (next < state.today || next > state.lastDay) return;
  state.weekStart = next;
  try {
    await ensureDays(next, addDays(next, 7));
  } catch (problem) {
    slotsError(problem);
    return;
  }
  const open = [...Array(7).keys()].map((i) => addDays(next, i))
    .find((day) => (state.slots.get(day) || []).length);
  state.day = open || null;
  renderWeek();
}

function chooseDay(day) {
  state.day = day;
  renderWeek();
  $('slots').querySelector('button')?.focus();
}

async function changeZone(zone) {
  if (!validZone(zone)) return;
  state.tz = zone;
  const params = new URLSearchParams(location.search);
  params.set('tz', zone);
  history.replaceState(null, '', `${location.pathname}?${params}`);
  if (state.booking) renderBooking();
  if (state.chosen) renderChosen();
  resetSlots();
  if (!$('picker').hidden) await startPicker(state.day);
}

async function changeDuration(minutes) {
  state.duration = minutes;
  for (const button of $('duration-choices').querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(Number(button.dataset.minutes) === minutes));
  }
  resetSlots();
  await startPicker(state.day);
}

function chooseSlot(slot) {
  state.chosen = slot;
  notice('');
  renderChosen();
  show('picker', false);
  if (state.mode === 'reschedule') {
    show('confirm-move');
    $('move-error').hidden = true;
    $('move').focus();
  } else {
    show('details');
    $('form-error').hidden = true;
    $('name').focus();
  }
}

function renderChosen() {
  const text = rangeText(state.chosen.start, state.chosen.end, state.tz);
  $('chosen').textContent = text;
  $('move-when').textContent = t('booking-page-new-time', { when: text });
}

function backToPicker() {
  state.chosen = null;
  show('details', false);
  show('confirm-move', false);
  show('picker');
  renderWeek();
}

// A 409: the time is gone; show the fresh slots of that day.
function slotTaken(problem) {
  const day = dayOf(new Date(state.chosen.start), state.tz);
  replaceSlots(problem.body.slots || [], day);
  state.chosen = null;
  // That day if it has times left, else the next day that has (the answer covers day + 1).
  const open = [day, addDays(day, 1)].find((d) => (state.slots.get(d) || []).length);
  state.day = open || null;
  state.weekStart = weekOf(open || day);
  show('details', false);
  show('confirm-move', false);
  show('picker');
  renderWeek();
  notice(t('booking-page-slot-taken'), 'warn');
  $('notice').scrollIntoView({ block: 'nearest' });
}

// ---------------------------------------------------------------- booking

function renderQuestions(questions) {
  const box = $('questions');
  box.replaceChildren();
  for (const question of questions) {
    const id = `q-${question.id}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = question.label;
    if (!question.required) {
      const optional = document.createElement('span');
      optional.className = 'optional';
      optional.textContent = ` ${t('booking-page-optional')}`;
      label.append(optional);
    }
    const input = document.createElement('textarea');
    input.id = id;
    input.rows = 2;
    input.maxLength = 2000;
    input.required = Boolean(question.required);
    input.dataset.question = question.id;
    box.append(label, input);
  }
}

function formError(text, field) {
  const element = $('form-error');
  element.textContent = text;
  element.hidden = !text;
  if (field) {
    field.setAttribute('aria-invalid', 'true');
    field.focus();
  }
}

function checkForm() {
  for (const field of $('book-form').querySelectorAll('input, textarea')) {
    field.removeAttribute('aria-invalid');
  }
  const name = $('name');
  if (!name.value.trim()) return [name, t('booking-page-enter-name')];
  const email = $('email');
  if (!EMAIL.test(email.value.trim())) return [email, t('booking-page-enter-email')];
  for (const field of $('questions').querySelectorAll('textarea')) {
    if (field.required && !field.value.trim()) {
      const label = state.link.questions.find((q) => q.id === field.dataset.question)?.label;
      return [field, t('booking-page-answer', { question: label })];
    }
  }
  return null;
}

async function submitBooking(event) {
  event.preventDefault();
  const invalid = checkForm();
  if (invalid) {
    formError(invalid[1], invalid[0]);
    return;
  }
  formError('');
  const answers = {};
  for (const field of $('questions').querySelectorAll('textarea')) {
    if (field.value.trim()) answers[field.dataset.question] = field.value.trim();
  }
  const body = {
    start: state.chosen.start,
    name: $('name').value.trim(),
    email: $('email').value.trim(),
    tz: state.tz,
    answers,
  };
  if (state.duration) body.duration_minutes = state.duration;
  const submit = $('submit');
  submit.disabled = true;
  submit.textContent = t('booking-page-booking');
  try {
    const booking = await call('POST', base, body);
    booked(booking);
  } catch (problem) {
    if (problem.status === 409) slotTaken(problem);
    else if (problem.status === 404) notFound(t('booking-page-no-page'), t('booking-page-removed-meanwhile'));
    else formError(problem.message);
  } finally {
    submit.disabled = false;
    submit.textContent = t('booking-page-book');
  }
}

function booked(booking) {
  show('details', false);
  show('zone', false);
  show('picker', false);
  notice('');
  $('done-heading').textContent = t('booking-page-done-heading');
  const when = rangeText(booking.start, booking.end, state.tz);
  $('done-text').textContent = booking.invitation_by_email
    ? t('booking-page-done', { when, email: booking.email })
    : t('booking-page-done-no-mail', { when, email: booking.email });
  showIcsLink('done-ics', 'ics-link', booking.invitation_by_email ? null : booking.ics_url);
  showManageLink(booking.manage_url);
  show('done');
  $('done').focus();
}

// The booking's .ics file, offered where no email brings it (null: none offered).
function showIcsLink(box, anchor, path) {
  if (path) $(anchor).href = new URL(path, location.origin).href;
  show(box, Boolean(path));
}

function showManageLink(path) {
  if (!path) {
    show('done-manage', false);
    return;
  }
  const url = new URL(path, location.origin).href;
  $('manage-link').href = url;
  $('manage-link').textContent = url;
  show('done-manage');
}

async function openBookingPage() {
  let link;
  try {
    link = await call('GET', base);
  } catch (problem) {
    if (problem.status === 404) {
      notFound(t('booking-page-no-page'), t('booking-page-no-page-text'));
    } else {
      finishLoading();
      notice(problem.message, 'warn');
    }
    return;
  }
  state.link = withLengths(link);
  state.duration = link.duration_minutes;
  finishLoading();
  renderIntro(state.link, t('booking-page-book-with', { name: link.owner_name }));
  if (!link.active) {
    notice(t('booking-page-paused', { name: link.owner_name }), 'warn');
    return;
  }
  show('zone');
  fillDurations(state.link.lengths);
  renderQuestions(link.questions || []);
  await startPicker();
}

function withLengths(link) {
  const lengths = link.durations_minutes && link.durations_minutes.length
    ? link.durations_minutes : [link.duration_minutes];
  return { ...link, lengths };
}

// ---------------------------------------------------------------- managing a booking

const STATUS = {
  active: () => t('booking-page-status-active'),
  cancelled: () => t('booking-page-status-cancelled'),
  released: () => t('booking-page-status-released'),
};

function renderBooking() {
  const booking = state.booking;
  show('manage');
  const status = $('booking-status');
  status.textContent = STATUS[booking.status] ? STATUS[booking.status]() : booking.status;
  status.classList.toggle('cancelled', booking.status !== 'active');
  $('booking-when').textContent = rangeText(booking.start, booking.end, state.tz);
  $('booking-who').textContent = t('booking-page-booked-by', { name: booking.name, email: booking.email });
  showIcsLink('manage-ics', 'manage-ics-link', booking.status === 'active' ? booking.ics_url : null);
  const future = Date.parse(booking.end) > Date.now();
  const changeable = booking.status === 'active' && future && booking.can_change !== false;
  show('manage-actions', changeable);
  $('reschedule').disabled = !(state.link && state.link.active);
  $('reschedule').title = $('reschedule').disabled ? t('booking-page-link-paused') : '';
  if (!changeable) {
    show('cancel-form', false);
    show('picker', false);
    show('confirm-move', false);
  }
  const again = booking.status !== 'active' && state.link && state.link.active;
  $('book-again-link').href = `/book/${encodeURIComponent(slug)}`;
  show('book-again', Boolean(again));
}

async function cancelBooking(event) {
  event.preventDefault();
  const form = $('cancel-form');
  const error = form.querySelector('.error');
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  const reason = $('cancel-reason').value.trim();
  try {
    state.booking = await call('POST', `${base}/manage/${encodeURIComponent(token)}/cancel`, reason ? { reason } : {});
    show('cancel-form', false);
    renderBooking();
    notice(t('booking-page-cancelled'));
  } catch (problem) {
    if (problem.status === 409) {
      show('cancel-form', false);
      await reloadBooking();
      notice(t('booking-page-already-cancelled'), 'warn');
    } else {
      error.textContent = problem.message;
      error.hidden = false;
    }
  } finally {
    button.disabled = false;
  }
}

async function moveBooking() {
  const button = $('move');
  button.disabled = true;
  try {
    state.booking = await call('POST', `${base}/manage/${encodeURIComponent(token)}/reschedule`, {
      start: state.chosen.start, tz: state.tz,
    });
    state.chosen = null;
    state.mode = 'book';
    show('confirm-move', false);
    renderBooking();
    const moved = rangeText(state.booking.start, state.booking.end, state.tz);
    notice(state.booking.invitation_by_email
      ? t('booking-page-moved', { when: moved, email: state.booking.email })
      : t('booking-page-moved-no-mail', { when: moved }));
  } catch (problem) {
    if (problem.status === 409 && problem.body.slots) slotTaken(problem);
    else {
      $('move-error').textContent = problem.message;
      $('move-error').hidden = false;
    }
  } finally {
    button.disabled = false;
  }
}

async function reloadBooking() {
  state.booking = await call('GET', `${base}/manage/${encodeURIComponent(token)}`);
  renderBooking();
}

async function openManagePage() {
  let booking;
  try {
    [booking, state.link] = await Promise.all([
      call('GET', `${base}/manage/${encodeURIComponent(token)}`),
      call('GET', base).then(withLengths, () => null),
    ]);
  } catch (problem) {
    if (problem.status === 404) {
      notFound(t('booking-page-no-booking'), t('booking-page-no-booking-text'));
    } else {
      finishLoading();
      notice(problem.message, 'warn');
    }
    return;
  }
  state.booking = booking;
  finishLoading();
  const minutes = booking.duration_minutes || Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / 60_000);
  const link = state.link || {
    title: booking.title, owner_name: booking.owner_name, location: booking.location, lengths: [minutes],
  };
  renderIntro({ ...link, title: booking.title, lengths: [minutes] }, t('booking-page-your-booking-with', { name: booking.owner_name || link.owner_name }));
  if (state.link && state.link.lengths.includes(minutes)) state.duration = minutes;
  show('zone');
  renderBooking();
}

// ---------------------------------------------------------------- start

function wire() {
  fillZones();
  $('prev-week').addEventListener('click', () => moveWeek(-1));
  $('next-week').addEventListener('click', () => moveWeek(1));
  $('book-form').addEventListener('submit', submitBooking);
  $('book-form').addEventListener('input', (event) => {
    if (event.target.getAttribute('aria-invalid') === 'true') {
      event.target.removeAttribute('aria-invalid');
      formError('');
    }
  });
  $('back').addEventListener('click', backToPicker);
  $('move-back').addEventListener('click', backToPicker);
  $('move').addEventListener('click', moveBooking);
  $('cancel').addEventListener('click', () => {
    show('picker', false);
    show('confirm-move', false);
    show('cancel-form');
    $('cancel-reason').focus();
  });
  $('cancel-keep').addEventListener('click', () => show('cancel-form', false));
  $('cancel-form').addEventListener('submit', cancelBooking);
  $('reschedule').addEventListener('click', async () => {
    show('cancel-form', false);
    state.mode = 'reschedule';
    resetSlots();
    await startPicker();
  });
}

await loadMessages();
wire();
if (!match) {
  notFound(t('booking-page-not-found'), t('booking-page-not-found-text'));
} else if (token) {
  openManagePage();
} else {
  openBookingPage();
}

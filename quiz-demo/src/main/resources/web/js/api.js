// The REST API of kydp-quiz, as any client uses it (see API.md). Every call asks for the page's language.

import { language } from './i18n.js';

/**
 * A refusal from the API: its HTTP status, problem slug (`not-found`, `deadline-passed` …) and the fields it
 * names (`errors`: `[{field, message}]`, for a 422).
 */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.slug = typeof problem?.type === 'string' ? problem.type.split('/').pop() : null;
    this.fields = Array.isArray(problem?.errors) ? problem.errors.map((error) => error?.field) : [];
  }
}

// Clocks that differ by less than this are taken to agree; the Date header only has whole seconds.
const CLOCK_TOLERANCE_MS = 2000;
let serverClockOffsetMs = 0;

/** The server's time now, in epoch milliseconds, so that countdowns end when the server's deadline does. */
export function serverNow() {
  return Date.now() - serverClockOffsetMs;
}

/**
 * Calls the API and returns its JSON body (null for 204). Options: `body` (sent as JSON), `token` (a player's
 * bearer token), `query` (more query parameters). Throws an ApiError for a 4xx or 5xx.
 */
export async function call(method, path, { body, token, query = {} } = {}) {
  const url = new URL(path, window.location.origin);
  url.searchParams.set('lang', language());
  for (const [name, value] of Object.entries(query)) {
    url.searchParams.set(name, value);
  }
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  noteServerClock(response);
  const type = response.headers.get('Content-Type') ?? '';
  const data = response.status !== 204 && type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

function noteServerClock(response) {
  const date = Date.parse(response.headers.get('Date') ?? '');
  if (Number.isNaN(date)) {
    return;
  }
  const offset = Date.now() - date;
  serverClockOffsetMs = Math.abs(offset) > CLOCK_TOLERANCE_MS ? offset : 0;
}

// A live session's event stream, as its host or a player follows it. EventSource reconnects by itself after a
// dropped connection and resumes after the last event it got (Last-Event-ID); when a stream fails for good, this
// asks the API why: a token that no longer works or a session gone ends the stream, anything else is tried again.

import { ApiError, call } from './api.js';
import { language } from './i18n.js';

const EVENTS = ['state', 'player-joined', 'player-left', 'question', 'answers', 'results', 'ended'];
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000];

export class LiveStream {
  /**
   * `handlers`: `onEvent(name, data)` for each event; `onConnection(connected)` when the connection is up or
   * lost; `onGone(reason)` once, when the session no longer takes this token: `'unauthorized'` (a player removed,
   * or who left) or `'not-found'` (the session is over and forgotten).
   */
  constructor(sessionId, token, handlers) {
    this.path = `/api/v1/live-sessions/${encodeURIComponent(sessionId)}`;
    this.token = token;
    this.handlers = handlers;
    this.source = null;
    this.lastEventId = null;
    this.failures = 0;
    this.timer = null;
    this.stopped = true;
  }

  /** Connects; after `lastEventId` (the state's, or the last event seen), else starting with a `state` event. */
  open(lastEventId = this.lastEventId) {
    this.close();
    this.stopped = false;
    this.lastEventId = lastEventId;
    const url = new URL(`${this.path}/events`, window.location.origin);
    url.searchParams.set('token', this.token);
    url.searchParams.set('lang', language());
    if (lastEventId !== null && lastEventId !== undefined) {
      url.searchParams.set('lastEventId', String(lastEventId));
    }
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener('open', () => {
      if (source === this.source) {
        this.failures = 0;
        this.handlers.onConnection(true);
      }
    });
    EVENTS.forEach((name) => source.addEventListener(name, (event) => this.receive(source, name, event)));
    source.addEventListener('error', () => this.trouble(source));
  }

  /** Stops following the session. */
  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.source?.close();
    this.source = null;
  }

  receive(source, name, event) {
    if (source !== this.source) {
      return;
    }
    if (event.lastEventId) {
      this.lastEventId = event.lastEventId;
    }
    let data;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    this.handlers.onEvent(name, data);
  }

  trouble(source) {
    if (source !== this.source) {
      return;
    }
    this.handlers.onConnection(false);
    if (source.readyState === EventSource.CLOSED) {
      this.source = null;
      this.diagnose();
    }
  }

  /** After a stream refused or failed for good: ends it if the API refuses the token, else tries again later. */
  async diagnose() {
    try {
      await call('GET', `${this.path}/state`, { token: this.token });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
        if (!this.stopped) {
          this.stopped = true;
          this.handlers.onGone(error.status === 401 ? 'unauthorized' : 'not-found');
        }
        return;
      }
    }
    if (!this.stopped) {
      const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)];
      this.failures += 1;
      this.timer = setTimeout(() => this.open(), delay);
    }
  }
}

// What this browser remembers of live quizzes: the sessions it joined (to come back to after a reload or a lost
// connection) in localStorage, and the answer given to the open question in sessionStorage.

import { load, save } from './stored.js';

const JOINS_KEY = 'kydp.live.joins';
const ANSWER_KEY = 'kydp.live.answer';
const JOINS_KEPT = 5;

function joins() {
  const stored = load(localStorage, JOINS_KEY);
  return Array.isArray(stored) ? stored.filter((join) => typeof join?.token === 'string') : [];
}

/** The join of the session with this code, or with none given the latest join; null if there is none. */
export function rememberedJoin(code) {
  const all = joins();
  return (code ? all.find((join) => join.code === code) : all[all.length - 1]) ?? null;
}

/** Keeps a join `{code, sessionId, playerId, name, token}`, replacing an older one of the same code. */
export function rememberJoin(join) {
  const { code, sessionId, playerId, name, token } = join;
  const others = joins().filter((known) => known.code !== code && known.sessionId !== sessionId);
  save(localStorage, JOINS_KEY, [...others, { code, sessionId, playerId, name, token }].slice(-JOINS_KEPT));
}

export function forgetJoin(sessionId) {
  save(localStorage, JOINS_KEY, joins().filter((join) => join.sessionId !== sessionId));
}

/** The name of the latest join, to offer it again. */
export function lastName() {
  return rememberedJoin(null)?.name ?? null;
}

/** Keeps the answer given to a question, to say it in words after a reload and with the results. */
export function rememberAnswer(sessionId, questionId, answer) {
  save(sessionStorage, ANSWER_KEY, { sessionId, questionId, answer });
}

/** The answer given to the question in this tab, or null. */
export function recallAnswer(sessionId, questionId) {
  const stored = load(sessionStorage, ANSWER_KEY);
  return stored?.sessionId === sessionId && stored?.questionId === questionId ? stored.answer : null;
}

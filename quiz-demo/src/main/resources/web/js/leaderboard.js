// Leaderboards: a quiz's ranking, with this player's own row highlighted.

import { ApiError, call } from './api.js';
import { el, routeLink } from './dom.js';
import { clock, t } from './i18n.js';
import { currentPlayer } from './player.js';

const WINDOWS = ['all', 'week', 'day'];
const TOP = 10;

/** The top of a quiz's leaderboard and, when this player is ranked below it, the rows around them. */
export async function fetchStandings(quizId, window) {
  const base = `/api/v1/quizzes/${encodeURIComponent(quizId)}/leaderboard`;
  const page = await call('GET', base, { query: { window, limit: TOP } });
  const player = currentPlayer();
  let around = null;
  if (player && !page.entries.some((entry) => entry.playerId === player.id)) {
    try {
      around = await call('GET', `${base}/me`, { token: player.token, query: { window, around: 2 } });
    } catch (error) {
      if (!(error instanceof ApiError) || ![401, 404].includes(error.status)) {
        throw error;
      }
    }
  }
  return { page, around };
}

/** The standings as tables; the current player's row is marked. */
export function standingsView({ page, around }) {
  if (page.total === 0) {
    return el('p', { class: 'empty', text: t('nobodyYet') });
  }
  const playerId = currentPlayer()?.id;
  return el('div', { class: 'standings' },
    table(page.entries, playerId, t('leaderboard')),
    around ? [el('h3', { text: t('yourPlace') }), table(around.entries, playerId, t('yourPlace'))] : null);
}

function table(entries, playerId, caption) {
  const headers = ['rankHeader', 'nameHeader', 'scoreHeader', 'timeHeader'];
  return el('table', { class: 'leaderboard' },
    el('caption', { class: 'visually-hidden', text: caption }),
    el('thead', {}, el('tr', {}, headers.map((key) => el('th', { scope: 'col', text: t(key) })))),
    el('tbody', {}, entries.map((entry) => row(entry, entry.playerId === playerId))));
}

function row(entry, mine) {
  return el('tr', { class: mine ? 'me' : null, 'aria-current': mine ? 'true' : null },
    el('td', { class: 'rank', text: String(entry.rank) }),
    el('th', { scope: 'row', class: 'name' },
      el('span', { text: entry.name }),
      mine ? el('span', { class: 'you', text: ` ${t('you')}` }) : null),
    el('td', { class: 'score', text: String(entry.score) }),
    el('td', { class: 'time', text: clock(entry.durationMs / 1000) }));
}

/** The leaderboard route: one quiz's ranking, for all time, this week or today. */
export async function showLeaderboard(view, quizId) {
  view.loading();
  const [quiz, standings] = await Promise.all([
    call('GET', `/api/v1/quizzes/${encodeURIComponent(quizId)}`),
    fetchStandings(quizId, 'all'),
  ]);
  const holder = el('div', { class: 'standings-holder' }, standingsView(standings));
  const select = el('select', { id: 'window' },
    WINDOWS.map((window) => el('option', { value: window, text: t('windows')[window] })));
  select.addEventListener('change', async () => {
    try {
      holder.replaceChildren(standingsView(await fetchStandings(quizId, select.value)));
    } catch (error) {
      holder.replaceChildren(el('p', { class: 'error', role: 'alert', text: t('failed') }));
    }
  });
  view.show(el('section', { class: 'board', 'aria-labelledby': 'board-title' },
    el('h1', { id: 'board-title', tabindex: -1, lang: quiz.language, text: t('leaderboardTitle', quiz.title) }),
    el('p', { class: 'field' }, el('label', { for: 'window', text: t('period') }), select),
    holder,
    el('div', { class: 'actions' },
      routeLink(['play', quizId], { class: 'button primary' }, t('play')),
      el('a', { class: 'button', href: '#/', text: t('allQuizzes') }))));
}

// The web player of the kydp-quiz demo: routes, the page's chrome and the language switch.

import { ApiError } from './api.js';
import { el } from './dom.js';
import { language, setLanguage, t } from './i18n.js';
import { showLeaderboard } from './leaderboard.js';
import { playQuiz } from './play.js';
import { currentPlayer } from './player.js';
import { showQuizList } from './quiz-list.js';
import { showResults } from './results.js';

const ROUTES = [
  { pattern: /^#\/play\/([^/]+)$/, show: playQuiz },
  { pattern: /^#\/results\/([^/]+)\/([^/]+)$/, show: showResults },
  { pattern: /^#\/leaderboard\/([^/]+)$/, show: showLeaderboard },
];

/**
 * The live quizzes and the statistics have pages of their own; their short routes here lead there, so that an
 * address on a poster works either way: #/host to the host's page, #/join and #/join/123456 to the join page, with
 * the code filled in, and #/stats to the statistics page.
 */
const LIVE_ROUTES = [
  { pattern: /^#\/host\/?$/, to: () => '/live/host' },
  { pattern: /^#\/stats\/?$/, to: () => '/stats' },
  { pattern: /^#\/join\/?$/, to: () => '/live' },
  { pattern: /^#\/join\/([0-9\u0966-\u096F]{6})\/?$/, to: (code) => `/live?code=${encodeURIComponent(code)}` },
];

/** Leaves for the live page a route names; true if it does. */
function leaveForLivePage(hash) {
  for (const { pattern, to } of LIVE_ROUTES) {
    const match = pattern.exec(hash);
    if (match) {
      window.location.replace(to(...match.slice(1)));
      return true;
    }
  }
  return false;
}

const main = document.getElementById('main');
let currentView = null;

function routeOf(hash) {
  for (const { pattern, show } of ROUTES) {
    const match = pattern.exec(hash);
    if (match) {
      try {
        return { show, args: match.slice(1).map(decodeURIComponent) };
      } catch {
        break;
      }
    }
  }
  return { show: showQuizList, args: [] };
}

/**
 * What a route draws with. A view stops drawing once another route has started, so a slow answer from the API
 * never replaces a newer screen; `onLeave` actions (stopping a countdown) run then.
 */
function openView(moveFocus) {
  currentView?.leave();
  const leaveActions = [];
  let left = false;
  const view = {
    moveFocus,
    isCurrent: () => !left,
    show(content, focusTarget = content.querySelector('h1')) {
      if (left) {
        return;
      }
      main.replaceChildren(content);
      if (moveFocus && focusTarget) {
        focusTarget.focus();
      }
    },
    loading() {
      view.show(el('p', { class: 'loading', role: 'status', text: t('loading') }), null);
    },
    fail(error, messageKey) {
      console.error(error);
      const screen = failure(error, messageKey);
      view.show(screen);
      if (!left) {
        screen.querySelector('h1').focus();
      }
    },
    onLeave(action) {
      leaveActions.push(action);
    },
    leave() {
      left = true;
      leaveActions.forEach((action) => action());
    },
  };
  currentView = view;
  return view;
}

/** A screen saying what went wrong, in the page's words: `messageKey`, else one chosen by the problem slug. */
function failure(error, messageKey) {
  const messages = {
    'not-found': 'quizNotFound',
    'attempts-exhausted': 'attemptsExhausted',
    'attempt-finished': 'attemptGone',
    'deadline-passed': 'attemptGone',
  };
  const key = messageKey ?? ((error instanceof ApiError && messages[error.slug]) || 'failed');
  return el('section', { class: 'panel', 'aria-labelledby': 'failure-title' },
    el('h1', { id: 'failure-title', tabindex: -1, text: t(key) }),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', text: t('tryAgain'), onclick: () => render(true) }),
      el('a', { class: 'button', href: '#/', text: t('allQuizzes') })));
}

function render(moveFocus) {
  const { show, args } = routeOf(window.location.hash);
  const view = openView(moveFocus);
  show(view, ...args).catch((error) => view.fail(error));
}

function updateChrome() {
  const lang = language();
  document.documentElement.lang = lang;
  document.title = t('pageTitle');
  document.querySelectorAll('[data-i18n]').forEach((node) => {
    node.textContent = t(node.dataset.i18n);
  });
  document.querySelectorAll('[data-i18n-label]').forEach((node) => {
    node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  });
  document.querySelectorAll('[data-lang]').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  });
  const player = currentPlayer();
  const name = document.getElementById('player-name');
  name.hidden = !player;
  name.textContent = player ? t('playingAs', player.name) : '';
}

document.querySelectorAll('[data-lang]').forEach((button) => {
  button.addEventListener('click', () => {
    if (button.dataset.lang !== language()) {
      setLanguage(button.dataset.lang);
      updateChrome();
      render(false);
    }
  });
});
document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
document.addEventListener('kydp:player', updateChrome);
window.addEventListener('hashchange', () => {
  if (leaveForLivePage(window.location.hash)) {
    return;
  }
  if (window.location.hash === '' || window.location.hash.startsWith('#/')) {
    render(true);
  }
});

if (!leaveForLivePage(window.location.hash)) {
  updateChrome();
  render(false);
}

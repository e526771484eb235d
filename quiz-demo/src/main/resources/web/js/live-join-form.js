// The form that joins a live quiz: the host's 6-digit code (Latin or Devanagari digits, spaces allowed) and the
// name to show on the scoreboard, with what to say when the API refuses either.

import { ApiError, call } from './api.js';
import { showScreen } from './chrome.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { lastName, rememberJoin } from './live-joins.js';
import { currentPlayer } from './player.js';

const LIVE = '/api/v1/live-sessions';

/** The code in `?code=`, with Devanagari digits and spaces as people may type or paste them. */
export function normaliseCode(typed) {
  return (typed ?? '')
    .replace(/[\u0966-\u096F]/g, (digit) => String(digit.charCodeAt(0) - 0x0966))
    .replace(/[\s-]/g, '');
}

/** The code in the page's address, as normaliseCode makes it. */
export const codeInAddress = () => normaliseCode(new URLSearchParams(window.location.search).get('code'));

/**
 * Shows the form with `code` filled in. A join the API makes is remembered, and handed to `started(join)`, which
 * follows the session and resolves to false when the session does not take it after all.
 */
export function showJoinForm(code, started, { focus = false, name = lastName() ?? currentPlayer()?.name ?? '' } = {}) {
  const field = (id, label, hint, attributes) => el('div', { class: 'field-block' },
    el('label', { for: id, text: label }),
    el('p', { id: `${id}-hint`, class: 'hint', text: hint }),
    el('input', { id, name: id, type: 'text', 'aria-describedby': `${id}-hint join-error`, ...attributes }));
  const form = el('form', { class: 'register live-join', novalidate: true },
    field('code', t('codeLabel'), t('codeHint'), {
      inputmode: 'numeric', autocomplete: 'off', maxlength: 9, value: code ?? '', class: 'code',
    }),
    field('name', t('liveNameLabel'), t('nameHint'), {
      autocomplete: 'nickname', maxlength: 32, value: name,
    }),
    el('p', { id: 'join-error', class: 'error', role: 'alert' }),
    el('button', { type: 'submit', class: 'primary', text: t('join') }));
  const codeInput = form.querySelector('#code');
  const nameInput = form.querySelector('#name');
  const error = form.querySelector('#join-error');
  const refuse = (message, input) => {
    error.textContent = message;
    [codeInput, nameInput].forEach((each) => each.setAttribute('aria-invalid', String(each === input)));
    input.focus();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const typed = normaliseCode(codeInput.value);
    if (!/^\d{6}$/.test(typed)) {
      refuse(t('codeInvalid'), codeInput);
      return;
    }
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const joined = await call('POST', `${LIVE}/join`, { body: { code: typed, name: nameInput.value } });
      const join = { code: typed, ...joined };
      rememberJoin(join);
      window.history.replaceState(null, '', `/live?code=${typed}`);
      if (!(await started(join))) {
        refuse(t('codeNotFound'), codeInput);
      }
    } catch (failure) {
      console.error(failure);
      const [message, input] = joinRefusal(failure, nameInput.value);
      refuse(message, input === 'name' ? nameInput : codeInput);
    } finally {
      button.disabled = false;
    }
  });
  const focusTarget = !focus ? null : codeInput.value ? nameInput : codeInput;
  showScreen(el('section', { class: 'panel live-join-panel', 'aria-labelledby': 'join-title' },
    el('h1', { id: 'join-title', tabindex: -1, text: t('joinLive') }),
    el('p', { class: 'intro', text: t('joinIntro') }),
    form), { focus, focusTarget });
}

/** What to say about a refused join, and which field it is about. */
function joinRefusal(failure, name) {
  if (!(failure instanceof ApiError)) {
    return [t('failed'), 'code'];
  }
  switch (failure.slug) {
    case 'live-session-not-found':
      return [t('codeNotFound'), 'code'];
    case 'name-taken':
      return [t('nameTaken', name.trim()), 'name'];
    case 'live-session-started':
      return [t('sessionStarted'), 'code'];
    case 'rate-limited':
      return [t('tooManyTries'), 'code'];
    default:
      break;
  }
  if (failure.status === 422) {
    return failure.fields.includes('code') ? [t('codeInvalid'), 'code'] : [t('nameRefused', name), 'name'];
  }
  return [t('failed'), 'code'];
}


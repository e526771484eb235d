// The host's form that creates a live session: the admin token (kept in this tab only), the quiz, the language of
// the big screen (one, or both one under the other) and the session's settings.

import { adminToken, keepAdminToken } from './admin-token.js';
import { ApiError, call } from './api.js';
import { showScreen } from './chrome.js';
import { el } from './dom.js';
import { language, t } from './i18n.js';

const READING_SECONDS = [0, 3, 5, 10];
const ADVANCE_SECONDS = [5, 10, 15, 30];
const LANGUAGE_NAMES = { en: 'English', hi: 'हिन्दी' };
export const BOTH = 'both';

/** A labelled control with an optional hint under its label. */
function field(id, label, hint, control) {
  return el('div', { class: 'field-block' },
    el('label', { for: id, text: label }),
    hint ? el('p', { id: `${id}-hint`, class: 'hint', text: hint }) : null,
    control);
}

/**
 * Shows the form; once the API created the session, calls `created(session, display)` with its reply and the
 * big screen's language: a language code, or BOTH.
 */
export async function showSetup(created, { focus = false, values = {} } = {}) {
  showScreen(el('p', { class: 'loading', role: 'status', text: t('loading') }), { focus: false });
  const page = await call('GET', '/api/v1/quizzes', { query: { limit: 100 } });
  const token = el('input', {
    id: 'admin-token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    'aria-describedby': 'admin-token-hint setup-error', value: values.token ?? adminToken() ?? '',
  });
  const quiz = el('select', { id: 'quiz' }, page.items.map((item) => el('option', {
    value: item.id, lang: item.language, text: `${item.title} · ${t('questionCount', item.questionCount)}`,
  })));
  const display = el('select', { id: 'display-language', 'aria-describedby': 'display-language-hint' });
  const seconds = el('input', {
    id: 'question-seconds', type: 'text', inputmode: 'numeric', class: 'number', value: values.seconds ?? '20',
    'aria-describedby': 'question-seconds-hint setup-error',
  });
  const reading = el('select', { id: 'reading-time' }, READING_SECONDS.map((n) => el('option', {
    value: n, text: n === 0 ? t('noReadingTime') : t('seconds', n),
  })));
  const lateJoin = el('input', { id: 'late-join', type: 'checkbox', checked: values.lateJoin ?? true });
  const advance = el('select', { id: 'auto-advance' },
    el('option', { value: '', text: t('hostMovesOn') }),
    ADVANCE_SECONDS.map((n) => el('option', { value: n, text: t('moveOnAfter', n) })));
  const error = el('p', { id: 'setup-error', class: 'error', role: 'alert' });
  const button = el('button', { type: 'submit', class: 'primary', text: t('createSession') });
  const languagesOf = () => page.items.find((item) => item.id === quiz.value)?.languages ?? [];
  const offerLanguages = () => {
    const chosen = display.value || values.display || language();
    const languages = languagesOf();
    const choices = languages.length > 1 ? [...languages, BOTH] : languages;
    display.replaceChildren(...choices.map((code) => (code === BOTH
      ? el('option', { value: BOTH, text: t('bothLanguages') })
      : el('option', { value: code, lang: code, text: LANGUAGE_NAMES[code] ?? code }))));
    display.value = choices.includes(chosen) ? chosen : languages[0] ?? '';
  };
  if (values.quiz) {
    quiz.value = values.quiz;
  }
  reading.value = values.reading ?? '3';
  advance.value = values.advance ?? '';
  quiz.addEventListener('change', offerLanguages);
  offerLanguages();

  const form = el('form', { class: 'register host-setup', novalidate: true },
    field('admin-token', t('adminTokenLabel'), t('adminTokenHint'), token),
    field('quiz', t('quizLabel'), null, quiz),
    field('display-language', t('displayLanguage'), t('displayLanguageHint'), display),
    field('question-seconds', t('secondsPerQuestion'), t('secondsPerQuestionHint'), seconds),
    field('reading-time', t('readingTime'), null, reading),
    el('div', { class: 'field-block check' }, lateJoin, el('label', { for: 'late-join', text: t('lateJoin') })),
    field('auto-advance', t('afterResults'), null, advance),
    error,
    button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const limit = Number(seconds.value.trim());
    if (!Number.isInteger(limit) || limit < 5 || limit > 600) {
      error.textContent = t('secondsInvalid');
      seconds.setAttribute('aria-invalid', 'true');
      seconds.focus();
      return;
    }
    seconds.setAttribute('aria-invalid', 'false');
    const settings = {
      questionTimeLimitMs: limit * 1000,
      readingTimeMs: Number(reading.value) * 1000,
      lateJoin: lateJoin.checked,
    };
    if (advance.value) {
      settings.autoAdvanceMs = Number(advance.value) * 1000;
    }
    const languages = languagesOf();
    const sessionLanguage = display.value !== BOTH ? display.value
      : languages.includes(language()) ? language() : languages[0];
    button.disabled = true;
    try {
      const session = await call('POST', '/api/v1/live-sessions', {
        token: token.value.trim(), body: { quizId: quiz.value, language: sessionLanguage, settings },
      });
      keepAdminToken(token.value.trim());
      await created(session, display.value);
    } catch (failure) {
      console.error(failure);
      const refused = failure instanceof ApiError && failure.status === 401;
      error.textContent = refused ? t('adminTokenRefused') : t('failed');
      token.setAttribute('aria-invalid', String(refused));
      (refused ? token : button).focus();
    } finally {
      button.disabled = false;
    }
  });
  showScreen(el('section', { class: 'panel host-setup-panel', 'aria-labelledby': 'host-title' },
    el('h1', { id: 'host-title', tabindex: -1, text: t('hostLive') }),
    el('p', { class: 'intro', text: t('hostIntro') }),
    form), { focus });
}

/** What the setup form holds, to show it again in another language. */
export function setupValues() {
  const value = (id) => document.getElementById(id)?.value;
  return {
    token: value('admin-token'), quiz: value('quiz'), display: value('display-language'),
    seconds: value('question-seconds'), reading: value('reading-time'), advance: value('auto-advance'),
    lateJoin: document.getElementById('late-join')?.checked,
  };
}

// What the host's page and a player's page of a live quiz do alike: show one screen per phase of the session (a
// screen already shown is not drawn again), stop its timers when another replaces it, and name the quiz.

import { call } from './api.js';
import { showScreen } from './chrome.js';
import { el } from './dom.js';
import { t } from './i18n.js';

export class LiveScreens {
  constructor() {
    this.quiz = { title: t('brand') };
    this.shown = null; // what is on screen: {kind, key}
    this.question = null; // the last question event
    this.stops = [];
  }

  async loadQuiz(quizId) {
    try {
      this.quiz = await call('GET', `/api/v1/quizzes/${encodeURIComponent(quizId)}`);
    } catch {
      this.quiz = { title: t('brand') };
    }
  }

  /**
   * Shows a screen unless the same one is shown, and returns whether it did. The focus moves, if asked, to
   * `focusTarget`, else to the question or the screen's h1.
   */
  replace(kind, key, content, moveFocus,
    focusTarget = content.querySelector('#question-text') ?? content.querySelector('h1')) {
    if (this.shown?.kind === kind && this.shown.key === key) {
      return false;
    }
    this.stopTimers();
    this.shown = { kind, key };
    showScreen(content, { focus: moveFocus, focusTarget });
    return true;
  }

  /** Draws the screen of the phase again, as after a change of language. */
  forgetShown() {
    this.shown = null;
  }

  stopTimers() {
    this.stops.forEach((stop) => stop());
    this.stops = [];
  }

  /** The quiz's title, small: the page's h1 on the screens of a question, where the question is the h2. */
  title(tag = 'p') {
    return el(tag, { class: 'live-quiz-title', lang: this.quiz.language, 'data-text': 'title', text: this.quiz.title });
  }
}

/** The screen of something that went wrong, with a button that loads the page again. */
export function showFailure(error) {
  console.error(error);
  showScreen(el('section', { class: 'panel', 'aria-labelledby': 'failure-title' },
    el('h1', { id: 'failure-title', tabindex: -1, text: t('failed') }),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', text: t('tryAgain'), onclick: () => window.location.reload() }))));
}

// Playing a quiz: one question at a time against the attempt's countdown, with the API's feedback after each.

import { ApiError, call } from './api.js';
import { startCountdown } from './countdown.js';
import { announce, el, fill } from './dom.js';
import { remember } from './asked.js';
import { language, t } from './i18n.js';
import { callAsPlayer, currentPlayer } from './player.js';
import { answerInWords, renderers } from './questions.js';
import { askForName } from './register.js';

const attemptKey = (quizId) => `kydp.attempt.${quizId}`;

/** The play route: registers if needed, resumes this tab's attempt at the quiz or starts one, and plays it. */
export async function playQuiz(view, quizId) {
  if (!currentPlayer()) {
    await askForName(view);
  }
  view.loading();
  const quiz = await call('GET', `/api/v1/quizzes/${encodeURIComponent(quizId)}`);
  const attempt = await resumeOrStart(quizId);
  if (view.isCurrent()) {
    await new Game(view, quiz, attempt).start();
  }
}

async function resumeOrStart(quizId) {
  const saved = sessionStorage.getItem(attemptKey(quizId));
  if (saved) {
    try {
      const attempt = await callAsPlayer('GET', `/api/v1/attempts/${encodeURIComponent(saved)}`);
      if (attempt.status === 'IN_PROGRESS') {
        return attempt;
      }
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) {
        throw error;
      }
    }
  }
  const attempt = await callAsPlayer('POST', `/api/v1/quizzes/${encodeURIComponent(quizId)}/attempts`);
  sessionStorage.setItem(attemptKey(quizId), attempt.id);
  return attempt;
}

class Game {
  constructor(view, quiz, attempt) {
    this.view = view;
    this.quiz = quiz;
    this.attempt = attempt;
    this.path = `/api/v1/attempts/${encodeURIComponent(attempt.id)}`;
    this.screen = new PlayScreen(quiz);
  }

  async start() {
    this.view.show(this.screen.root, null);
    if (this.attempt.deadline) {
      this.view.onLeave(startCountdown(this.attempt.deadline, this.screen.clock, () => this.timeUp()));
    } else {
      this.screen.timer.hidden = true;
    }
    await this.showCurrentQuestion(this.view.moveFocus);
  }

  async showCurrentQuestion(moveFocus) {
    const question = await callAsPlayer('GET', `${this.path}/question`);
    if (!this.view.isCurrent()) {
      return;
    }
    if (question === null) {
      this.finish();
      return;
    }
    remember(this.attempt.id, question, language());
    this.screen.showQuestion(question, {
      submit: (answer) => this.answer(question, answer),
      finish: () => this.finish(),
    });
    if (moveFocus) {
      this.screen.heading.focus();
    }
  }

  async answer(question, answer) {
    this.screen.lock();
    let result;
    try {
      result = await callAsPlayer('PUT', `${this.path}/answers/${encodeURIComponent(question.id)}`, { body: answer });
    } catch (error) {
      if (error instanceof ApiError && ['deadline-passed', 'attempt-finished'].includes(error.slug)) {
        this.finish();
      } else if (error instanceof ApiError && error.status === 404) {
        this.fail(error);
      } else {
        this.screen.unlock(t('failed'));
      }
      return;
    }
    if (this.view.isCurrent()) {
      const last = result.answered >= result.questionCount;
      const next = () => this.showCurrentQuestion(true).catch((error) => this.fail(error));
      this.screen.showFeedback(question, answer, result, last, next).focus();
    }
  }

  /** A 404 here means the attempt is gone, e.g. the demo server restarted and forgot it. */
  fail(error) {
    const gone = error instanceof ApiError && error.status === 404;
    this.view.fail(error, gone ? 'attemptGone' : undefined);
  }

  timeUp() {
    this.screen.lock();
    announce(t('timeUp'));
    this.finish();
  }

  finish() {
    sessionStorage.removeItem(attemptKey(this.quiz.id));
    const results = ['results', this.quiz.id, this.attempt.id].map(encodeURIComponent).join('/');
    window.location.replace(`#/${results}`);
  }
}

/** The play screen: quiz title, progress and timer, then the current question, its answer controls and feedback. */
class PlayScreen {
  constructor(quiz) {
    this.progressText = el('p', { id: 'progress-text', class: 'progress-text' });
    this.progress = el('progress', { 'aria-hidden': 'true' });
    this.clock = el('span', { class: 'clock', role: 'timer' });
    this.timer = el('p', { class: 'timer' }, el('span', { text: t('timeLeft') }), ' ', this.clock);
    this.heading = el('h2', { id: 'question-text', tabindex: -1, 'aria-describedby': 'progress-text' });
    this.points = el('p', { class: 'points' });
    this.answerArea = el('div', { class: 'answer' });
    this.error = el('p', { class: 'error', role: 'alert' });
    this.feedback = el('div', { id: 'feedback', class: 'feedback', role: 'status' });
    this.actions = el('div', { class: 'actions' });
    this.root = el('section', { class: 'play', lang: quiz.language, 'aria-labelledby': 'quiz-title' },
      el('h1', { id: 'quiz-title', tabindex: -1, text: quiz.title }),
      el('div', { class: 'status' }, el('div', { class: 'progress' }, this.progressText, this.progress), this.timer),
      el('div', { class: 'question' }, this.heading, this.points, this.answerArea, this.error, this.feedback,
        this.actions));
  }

  showQuestion(question, { submit, finish }) {
    this.progressText.textContent = t('questionOf', question.index + 1, question.count);
    this.progress.max = question.count;
    this.progress.value = question.index;
    this.heading.textContent = question.text;
    this.heading.dataset.questionId = question.id;
    this.heading.dataset.questionType = question.type;
    this.points.textContent = question.type === 'poll' ? t('notScored') : t('points', question.points);
    this.error.textContent = '';
    this.feedback.replaceChildren();
    this.feedback.className = 'feedback';
    this.actions.replaceChildren();
    const renderer = renderers[question.type];
    this.answerArea.replaceChildren(renderer
      ? renderer.render(question, { submit, labelledBy: this.heading.id })
      : el('p', { class: 'notice', text: t('unsupportedType') }));
    if (!renderer) {
      this.actions.append(el('button', { type: 'button', class: 'primary', text: t('finishNow'), onclick: finish }));
    }
  }

  lock() {
    this.controls().forEach((control) => { control.disabled = true; });
  }

  unlock(message) {
    this.controls().forEach((control) => { control.disabled = false; });
    this.error.textContent = message;
  }

  /**
   * Shows what the API says about the answer: correctness, points (with any streak bonus), the right answer in
   * words, feedback and explanation, each only when the quiz's review policy gives it; a poll's votes.
   */
  showFeedback(question, answer, result, last, next) {
    const renderer = renderers[question.type];
    const verdict = result.correct === true ? 'correct' : result.correct === false ? 'wrong' : 'recorded';
    this.feedback.className = `feedback ${verdict}`;
    fill(this.feedback,
      el('p', { class: 'verdict', text: t(verdict) }),
      question.type === 'poll' ? null : pointsLine(result),
      result.streakBonus > 0 ? el('p', { class: 'streak', text: t('streakBonus', result.streakBonus) }) : null,
      result.correct === false ? answerInWords(question, result.correctAnswer, 'right') : null,
      result.feedback ? el('p', { class: 'feedback-text', text: result.feedback }) : null,
      renderer.afterAnswer ? renderer.afterAnswer(question, result, answer) : null,
      result.explanation ? el('p', { class: 'explanation', text: result.explanation }) : null);
    const button = el('button', {
      type: 'button', id: 'next', class: 'primary', text: last ? t('seeResults') : t('next'), onclick: next,
    });
    this.actions.replaceChildren(button);
    return button;
  }

  controls() {
    return this.answerArea.querySelectorAll('input, button, select, textarea');
  }
}

/** The points an answer earned or lost; nothing when it earned none or the quiz hides points for now. */
function pointsLine(result) {
  if (typeof result.points !== 'number' || result.points === 0) {
    return null;
  }
  return el('p', { class: 'points-earned', text: result.points > 0
    ? t('pointsEarned', result.points) : t('pointsLost', -result.points) });
}

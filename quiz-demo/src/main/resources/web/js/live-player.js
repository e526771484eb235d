// The join page of live quizzes, /live?code=123456 (also reached as /#/join/123456): join with the host's code and
// a name (live-join-form.js), then answer each question as the host opens it, see its results, and the podium at
// the end. A reload or a lost connection comes back to where the quiz is, from the join this browser remembers.

import { ApiError, call, serverNow } from './api.js';
import { setUpChrome, showScreen } from './chrome.js';
import { announce, el } from './dom.js';
import { t } from './i18n.js';
import { codeInAddress, showJoinForm as showForm } from './live-join-form.js';
import { forgetJoin, recallAnswer, rememberAnswer, rememberedJoin } from './live-joins.js';
import { LiveScreens } from './live-screens.js';
import { LiveStream } from './live-stream.js';
import { connectionBanner, countdown, distributionView, podiumView, rankingTable } from './live-views.js';
import { answerInWords, renderers } from './questions.js';

const LIVE = '/api/v1/live-sessions';
const LOBBY_REFRESH_MS = 60000;
/** How long after answers should be open a refusal is taken for a clock a little ahead, and the answer sent again. */
const EARLY_RETRY_WINDOW_MS = 3000;
const EARLY_RETRY_DELAY_MS = 400;

let game = null;

/** Starts with the join this browser remembers for the code in the address (or its latest), else the form. */
async function begin() {
  const code = codeInAddress();
  const join = rememberedJoin(/^\d{6}$/.test(code) ? code : null);
  if (join && (!code || join.code === code)) {
    const resumed = new Game(join);
    // without a code in the address, a quiz that is over is not shown again: the page is for joining another
    if (await resumed.start({ ended: Boolean(code) })) {
      game = resumed;
      return;
    }
  }
  showJoinForm(code);
}

/** The join form; a join it makes becomes this page's game, if the session takes it. */
function showJoinForm(code, options) {
  showForm(code, async (join) => {
    game = new Game(join);
    if (await game.start()) {
      return true;
    }
    game = null;
    return false;
  }, options);
}

/** One player in one session: follows its events and shows each phase. */
class Game extends LiveScreens {
  constructor(join) {
    super();
    this.join = join;
    this.path = `${LIVE}/${encodeURIComponent(join.sessionId)}`;
    this.lobbyTimer = null;
    this.stream = new LiveStream(join.sessionId, join.token, {
      onEvent: (name, data) => this.onEvent(name, data),
      onConnection: connectionBanner(document.getElementById('connection')),
      onGone: (reason) => this.gone(reason),
    });
  }

  /**
   * Reads the state and follows the session; false when the session does not take this join (any more), or is
   * over and `ended` is false.
   */
  async start({ moveFocus = true, ended = true } = {}) {
    let state;
    try {
      state = await call('GET', `${this.path}/state`, { token: this.join.token });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
        forgetJoin(this.join.sessionId);
        return false;
      }
      throw error;
    }
    if (state.phase === 'ended' && !ended) {
      return false;
    }
    await this.loadQuiz(state.quizId);
    this.showPlayer();
    this.applyState(state, moveFocus);
    if (state.phase !== 'ended') {
      this.stream.open(state.lastEventId);
    }
    return true;
  }

  /** The page's language changed: everything again, in the new language. */
  async restart() {
    this.stream.close();
    this.forgetShown();
    if (!(await this.start({ moveFocus: false }))) {
      this.gone('not-found');
    }
  }

  showPlayer() {
    const name = document.getElementById('player-name');
    name.hidden = false;
    name.textContent = t('playingAs', this.join.name);
  }

  onEvent(name, data) {
    switch (name) {
      case 'state':
        this.applyState(data, false);
        break;
      case 'question':
        this.showQuestion(data, false, true);
        break;
      case 'results':
        this.showResults(data, true);
        break;
      case 'ended':
        this.showEnded(data, true);
        break;
      case 'player-left':
        if (data.playerId === this.join.playerId) {
          this.gone('unauthorized');
        }
        break;
      default:
        break;
    }
  }

  applyState(state, moveFocus) {
    this.you = state.you ?? this.you;
    if (state.question) {
      this.question = state.question;
    }
    switch (state.phase) {
      case 'lobby':
        this.showLobby(state.players, moveFocus);
        break;
      case 'question':
        this.showQuestion(state.question, Boolean(state.you?.answered), moveFocus);
        break;
      case 'results':
        this.showResults(state.results, moveFocus);
        break;
      default:
        this.showEnded(state.ended, moveFocus);
        break;
    }
  }

  stopTimers() {
    super.stopTimers();
    clearTimeout(this.lobbyTimer);
  }

  showLobby(players, moveFocus) {
    const count = el('p', { id: 'players-count', class: 'players-count', text: t('playersJoined', players) });
    const leave = el('button', { type: 'button', id: 'leave', text: t('leave'), onclick: () => this.leave() });
    const shown = this.replace('lobby', '', el('section', { class: 'panel live-lobby', 'aria-labelledby': 'lobby-title' },
      this.title(),
      el('h1', { id: 'lobby-title', tabindex: -1, text: t('youAreIn') }),
      el('p', { class: 'big-name', text: this.join.name }),
      count,
      el('p', { class: 'waiting', text: t('waitForHost') }),
      el('div', { class: 'pulse', 'aria-hidden': 'true' }),
      el('div', { class: 'actions' }, leave)), moveFocus);
    if (!shown) {
      document.getElementById('players-count').textContent = t('playersJoined', players);
    }
    this.refreshLobbyLater();
  }

  /** Players are not told of each other's joining: the count in the lobby is read again now and then. */
  refreshLobbyLater() {
    clearTimeout(this.lobbyTimer);
    this.lobbyTimer = setTimeout(async () => {
      if (this.shown?.kind !== 'lobby') {
        return;
      }
      try {
        const state = await call('GET', `${this.path}/state`, { token: this.join.token });
        if (this.shown?.kind === 'lobby') {
          this.applyState(state, state.phase !== 'lobby');
        }
      } catch {
        this.refreshLobbyLater();
      }
    }, LOBBY_REFRESH_MS * (0.75 + Math.random() / 2));
  }

  async leave() {
    try {
      await call('DELETE', `${this.path}/players/${encodeURIComponent(this.join.playerId)}`, { token: this.join.token });
    } catch (error) {
      console.error(error);
    }
    this.gone('unauthorized');
  }

  /** A question: its text while it is read ("get ready"), then its controls until the deadline or an answer. */
  showQuestion(opened, answered, moveFocus) {
    this.question = opened;
    const { question } = opened;
    const heading = el('h2', {
      id: 'question-text', tabindex: -1, 'data-question-id': question.id, 'data-question-type': question.type,
      'aria-describedby': 'progress-text', text: question.text,
    });
    const clock = el('span', { class: 'big-clock', role: 'timer', 'aria-live': 'off' });
    const label = el('span', { class: 'timer-label' });
    const area = el('div', { class: 'answer' });
    const status = el('div', { id: 'answer-status', class: 'answer-status', role: 'status' });
    const screen = el('section', { class: 'play live-question', lang: this.quiz.language, 'aria-labelledby': 'question-text' },
      this.title('h1'),
      el('div', { class: 'status' },
        el('p', { id: 'progress-text', class: 'progress-text', text: t('questionOf', opened.index + 1, opened.count) }),
        el('p', { class: 'live-timer' }, label, ' ', clock)),
      el('div', { class: 'question' },
        heading,
        el('p', { class: 'points', text: question.type === 'poll' ? t('notScored') : t('points', question.points) }),
        area,
        status));
    if (!this.replace('question', question.id, screen, moveFocus, heading)) {
      return;
    }
    announce(t('questionAnnouncement', opened.index + 1, opened.count, question.text));
    const mine = recallAnswer(this.join.sessionId, question.id);
    const closed = () => {
      if (!area.dataset.locked) {
        area.querySelectorAll('input, button, select, textarea').forEach((control) => { control.disabled = true; });
        status.replaceChildren(el('p', { class: 'notice', text: t('timeUpWaiting') }));
        announce(t('timeUpWaiting'));
      }
    };
    const answering = () => {
      label.textContent = t('timeLeft');
      if (answered) {
        this.lockedIn(area, status, question, mine, false);
      } else {
        const renderer = renderers[question.type];
        area.replaceChildren(renderer
          ? renderer.render(question, { submit: (answer) => this.answer(opened, answer, area, status), labelledBy: heading.id })
          : el('p', { class: 'notice', text: t('unsupportedType') }));
      }
      this.stops.push(countdown(opened.deadline, clock, closed, { speak: !answered }));
    };
    if (serverNow() < Date.parse(opened.answersOpenAt)) {
      label.textContent = t('getReady');
      area.replaceChildren(el('p', { class: 'get-ready', text: t('answersOpenSoon') }));
      this.stops.push(countdown(opened.answersOpenAt, clock, answering, { urgent: false }));
    } else {
      answering();
    }
  }

  async answer(opened, answer, area, status, tries = 0) {
    const controls = area.querySelectorAll('input, button, select, textarea');
    controls.forEach((control) => { control.disabled = true; });
    const stillShown = () => this.shown?.kind === 'question' && this.shown.key === opened.question.id;
    try {
      await call('PUT', `${this.path}/answers/${encodeURIComponent(opened.question.id)}`,
        { token: this.join.token, body: answer });
    } catch (error) {
      if (!stillShown()) {
        return;
      }
      const slug = error instanceof ApiError ? error.slug : null;
      if (slug === 'already-answered') {
        this.lockedIn(area, status, opened.question, null, true);
      } else if (slug === 'question-closed'
          && serverNow() < Date.parse(opened.answersOpenAt) + EARLY_RETRY_WINDOW_MS
          && serverNow() < Date.parse(opened.deadline)) {
        setTimeout(() => this.answer(opened, answer, area, status, tries + 1), EARLY_RETRY_DELAY_MS);
      } else if (slug === 'question-closed') {
        area.dataset.locked = 'true';
        status.replaceChildren(el('p', { class: 'notice', text: t('tooLate') }));
        announce(t('tooLate'));
      } else if (error instanceof ApiError && error.status === 401) {
        this.gone('unauthorized');
      } else {
        console.error(error);
        controls.forEach((control) => { control.disabled = false; });
        status.replaceChildren(el('p', { class: 'error', role: 'alert', text: t('failed') }));
      }
      return;
    }
    rememberAnswer(this.join.sessionId, opened.question.id, answer);
    if (stillShown()) {
      this.lockedIn(area, status, opened.question, answer, true);
    }
  }

  /** "Answer locked in", with the answer in words when this tab gave it; the controls go. */
  lockedIn(area, status, question, answer, moveFocus) {
    area.dataset.locked = 'true';
    const title = el('p', { id: 'locked-in', class: 'locked-title', tabindex: -1, text: t('lockedIn') });
    area.replaceChildren(el('div', { class: 'locked' },
      title,
      answer ? answerInWords(question, answer, 'yours') : null,
      el('p', { class: 'hint', text: t('lockedInWait') })));
    status.replaceChildren();
    if (moveFocus) {
      title.focus();
      announce(t('lockedIn'));
    }
  }

  /** A question's results: right or not, points, score, rank and streak, the right answer, the top five. */
  showResults(results, moveFocus) {
    const question = this.question?.index === results.index ? this.question.question : null;
    const count = this.question?.count ?? results.index + 1;
    const you = results.you;
    const mine = question ? recallAnswer(this.join.sessionId, question.id) : null;
    let verdict = null;
    if (you) {
      if (!you.answered) {
        verdict = 'unanswered';
      } else if (results.type === 'poll' || you.correct === null) {
        verdict = 'recorded';
      } else {
        verdict = you.correct ? 'correct' : 'wrong';
      }
    }
    const words = { correct: 'correct', wrong: 'wrong', unanswered: 'notAnswered', recorded: 'voteCounted' };
    const heading = el('h2', { id: 'results-title', tabindex: -1, text: verdict ? t(words[verdict]) : t('howEveryoneAnswered') });
    const facts = you ? el('ul', { class: 'facts live-facts' },
      el('li', { class: 'score-line', text: t('yourScore', you.score) }),
      el('li', { class: 'rank-line', text: t('yourRank', you.rank, results.distribution.players) }),
      you.streak > 1 ? el('li', { class: 'streak-line', text: t('streakLine', you.streak) }) : null) : null;
    const rightAnswer = results.type === 'poll'
      ? el('p', { class: 'poll-note', text: t('pollNoRightAnswer') })
      : question && results.correctAnswer ? answerInWords(question, results.correctAnswer, 'right') : null;
    const screen = el('section', {
      class: 'play live-results', lang: this.quiz.language, 'aria-labelledby': 'results-title',
      'data-question-id': results.questionId,
    },
      this.title('h1'),
      el('p', { id: 'progress-text', class: 'progress-text', text: t('questionOf', results.index + 1, count) }),
      el('div', { class: `verdict-box ${verdict ?? 'recorded'}`, 'data-verdict': verdict },
        heading,
        you && you.points > 0 ? el('p', { class: 'points-earned', text: t('pointsThisQuestion', you.points) }) : null,
        facts),
      question ? el('p', { class: 'recap', text: question.text }) : null,
      rightAnswer,
      question && mine && verdict === 'wrong' ? answerInWords(question, mine, 'yours') : null,
      results.explanation ? el('p', { class: 'explanation', text: results.explanation }) : null,
      distributionView(results, question),
      rankingTable(results.top, 'topTitle', this.join.playerId, 'top'),
      el('p', { class: 'waiting', text: t('waitNext') }));
    if (this.replace('results', String(results.index), screen, moveFocus, heading) && verdict) {
      announce(t(words[verdict]));
    }
  }

  showEnded(ended, moveFocus) {
    this.stream.close();
    const you = ended.you;
    const heading = el('h1', { id: 'final-title', tabindex: -1, text: t('finalTitle') });
    this.replace('ended', '', el('section', { class: 'panel live-ended', 'aria-labelledby': 'final-title' },
      this.title(),
      heading,
      podiumView(ended.podium, this.join.playerId),
      you ? el('p', { id: 'final-score', class: 'total', text: t('youFinished', you.rank, ended.total, you.score) }) : null,
      you && this.question ? el('p', { text: t('correctCount', you.correct, this.question.count) }) : null,
      el('p', { class: 'muted', text: t('playersTookPart', ended.total) }),
      el('div', { class: 'actions' },
        el('a', { class: 'button primary', href: '/', text: t('allQuizzes') }),
        el('a', { class: 'button', href: '/live', text: t('joinAnother') }))), moveFocus, heading);
  }

  /** The session no longer takes this player: removed, left, or over and forgotten. */
  gone(reason) {
    this.stream.close();
    this.stopTimers();
    forgetJoin(this.join.sessionId);
    document.getElementById('player-name').hidden = true;
    game = null;
    const heading = el('h1', { id: 'gone-title', tabindex: -1,
      text: reason === 'unauthorized' ? t('removedTitle') : t('sessionGone') });
    showScreen(el('section', { class: 'panel live-gone', 'aria-labelledby': 'gone-title' },
      heading,
      reason === 'unauthorized' ? el('p', { text: t('removedText') }) : null,
      el('div', { class: 'actions' },
        el('a', { class: 'button primary', href: '/live', text: t('joinAnother') }),
        el('a', { class: 'button', href: '/', text: t('allQuizzes') }))));
  }
}

setUpChrome('joinPageTitle', () => {
  if (game) {
    game.restart().catch((error) => console.error(error));
  } else {
    const typed = (id) => document.getElementById(id)?.value;
    showJoinForm(typed('code') ?? codeInAddress(), { name: typed('name') });
  }
});
window.history.replaceState(null, '', window.location.pathname + (/^\d{6}$/.test(codeInAddress()) ? `?code=${codeInAddress()}` : ''));
begin().catch((error) => {
  console.error(error);
  showJoinForm(codeInAddress());
});

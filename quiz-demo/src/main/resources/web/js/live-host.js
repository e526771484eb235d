// The host's page of live quizzes, /live/host: with the admin token, pick a quiz and its settings and create a
// session; show its code and QR code while players join; then open each question, close it, show its results and
// the podium. The admin token and the session's host token stay in this tab (sessionStorage) only.

import { ApiError, call, serverNow } from './api.js';
import { setUpChrome, showScreen } from './chrome.js';
import { announce, el } from './dom.js';
import { language, t } from './i18n.js';
import { LiveStream } from './live-stream.js';
import { connectionBanner, countdown, distributionView, podiumView, rankingTable, spacedCode } from './live-views.js';
import { answerInWords } from './questions.js';

const LIVE = '/api/v1/live-sessions';
const ADMIN_KEY = 'kydp.live.admin';
const HOSTING_KEY = 'kydp.live.hosting';
const READING_SECONDS = [0, 3, 5, 10];
const ADVANCE_SECONDS = [5, 10, 15, 30];
const LANGUAGE_NAMES = { en: 'English', hi: 'हिन्दी' };
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

let hosting = null;

function stored(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key));
  } catch {
    return null;
  }
}

function store(key, value) {
  if (value === null) {
    sessionStorage.removeItem(key);
  } else {
    sessionStorage.setItem(key, JSON.stringify(value));
  }
}

async function begin() {
  const session = stored(HOSTING_KEY);
  if (session?.id && session?.hostToken) {
    const resumed = new Hosting(session);
    if (await resumed.start()) {
      hosting = resumed;
      return;
    }
    store(HOSTING_KEY, null);
  }
  await showSetup();
}

/** A labelled control with an optional hint under its label. */
function field(id, label, hint, control) {
  return el('div', { class: 'field-block' },
    el('label', { for: id, text: label }),
    hint ? el('p', { id: `${id}-hint`, class: 'hint', text: hint }) : null,
    control);
}

/** The form that creates a session: admin token, quiz, language and settings. */
async function showSetup({ focus = false, values = {} } = {}) {
  showScreen(el('p', { class: 'loading', role: 'status', text: t('loading') }), { focus: false });
  const page = await call('GET', '/api/v1/quizzes', { query: { limit: 100 } });
  const token = el('input', {
    id: 'admin-token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    'aria-describedby': 'admin-token-hint setup-error', value: values.token ?? stored(ADMIN_KEY) ?? '',
  });
  const quiz = el('select', { id: 'quiz' }, page.items.map((item) => el('option', {
    value: item.id, lang: item.language, text: `${item.title} · ${t('questionCount', item.questionCount)}`,
  })));
  const lang = el('select', { id: 'session-language' });
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
    const chosen = lang.value || values.language || language();
    const languages = languagesOf();
    lang.replaceChildren(...languages.map((code) => el('option', { value: code, lang: code, text: LANGUAGE_NAMES[code] ?? code })));
    lang.value = languages.includes(chosen) ? chosen : languages[0] ?? '';
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
    field('session-language', t('sessionLanguage'), null, lang),
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
    button.disabled = true;
    try {
      const created = await call('POST', LIVE, {
        token: token.value.trim(), body: { quizId: quiz.value, language: lang.value, settings },
      });
      store(ADMIN_KEY, token.value.trim());
      const session = { id: created.id, code: created.code, hostToken: created.hostToken, language: created.language };
      store(HOSTING_KEY, session);
      hosting = new Hosting(session);
      await hosting.start();
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
function setupValues() {
  const value = (id) => document.getElementById(id)?.value;
  return {
    token: value('admin-token'), quiz: value('quiz'), language: value('session-language'),
    seconds: value('question-seconds'), reading: value('reading-time'), advance: value('auto-advance'),
    lateJoin: document.getElementById('late-join')?.checked,
  };
}

/** One session this tab hosts: follows its events and shows each phase with the host's controls. */
class Hosting {
  constructor(session) {
    this.session = session;
    this.path = `${LIVE}/${encodeURIComponent(session.id)}`;
    this.quiz = null;
    this.question = null;
    this.players = new Map();
    this.playerCount = 0;
    this.shown = null;
    this.stops = [];
    this.stream = new LiveStream(session.id, session.hostToken, {
      onEvent: (name, data) => this.onEvent(name, data),
      onConnection: connectionBanner(document.getElementById('connection')),
      onGone: () => this.forget(),
    });
  }

  /** Reads the state and follows the session; false when its host token no longer works or it is gone. */
  async start({ moveFocus = true } = {}) {
    let state;
    try {
      state = await this.call('GET', '/state');
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
        return false;
      }
      throw error;
    }
    try {
      this.quiz = await call('GET', `/api/v1/quizzes/${encodeURIComponent(state.quizId)}`);
    } catch {
      this.quiz = { title: t('brand') };
    }
    await this.applyState(state, moveFocus);
    if (state.phase !== 'ended') {
      this.stream.open(state.lastEventId);
    }
    return true;
  }

  async restart() {
    this.stream.close();
    this.shown = null;
    if (!(await this.start({ moveFocus: false }))) {
      this.forget();
    }
  }

  call(method, suffix, options = {}) {
    return call(method, `${this.path}${suffix}`, { ...options, token: this.session.hostToken });
  }

  onEvent(name, data) {
    switch (name) {
      case 'state':
        this.applyState(data, false);
        break;
      case 'player-joined':
        this.players.set(data.playerId, data.name);
        this.playerCount = data.players;
        this.showPlayers(data.players);
        announce(t('playerJoinedAnnouncement', data.name));
        break;
      case 'player-left':
        this.players.delete(data.playerId);
        this.playerCount = data.players;
        this.showPlayers(data.players);
        break;
      case 'question':
        this.showQuestion(data, 0, this.playerCount, true);
        break;
      case 'answers':
        this.playerCount = data.players;
        this.showAnswered(data.index, data.answered, data.players);
        break;
      case 'results':
        this.showResults(data, true);
        break;
      case 'ended':
        this.showEnded(data, true);
        break;
      default:
        break;
    }
  }

  async applyState(state, moveFocus) {
    this.playerCount = state.players;
    if (state.question) {
      this.question = state.question;
    }
    switch (state.phase) {
      case 'lobby':
        await this.loadPlayers();
        this.showLobby(state.players, moveFocus);
        break;
      case 'question':
        this.showQuestion(state.question, state.answered, state.players, moveFocus);
        break;
      case 'results':
        this.showResults(state.results, moveFocus);
        break;
      default:
        this.showEnded(state.ended, moveFocus);
        break;
    }
  }

  /** The players who joined before this page opened: the session's ranking lists every one taking part. */
  async loadPlayers() {
    try {
      const results = await this.call('GET', '/results');
      this.players = new Map(results.ranking.map((player) => [player.playerId, player.name]));
    } catch (error) {
      console.error(error);
    }
  }

  /** Shows a screen unless the same one is shown, the focus on its question if it has one, else its h1. */
  replace(kind, key, content, moveFocus) {
    if (this.shown?.kind === kind && this.shown.key === key) {
      return false;
    }
    this.stops.forEach((stop) => stop());
    this.stops = [];
    this.shown = { kind, key };
    showScreen(content, { focus: moveFocus, focusTarget: content.querySelector('#question-text') ?? content.querySelector('h1') });
    return true;
  }

  /** A host's button: disabled while its request runs; a move the phase no longer allows reads the state again. */
  action(id, text, suffix, { primary = false, confirmText = null } = {}) {
    const button = el('button', { type: 'button', id, class: primary ? 'primary' : null, text });
    button.addEventListener('click', async () => {
      if (confirmText && !window.confirm(confirmText)) {
        return;
      }
      button.disabled = true;
      const error = document.getElementById('host-error');
      try {
        await this.call('POST', suffix);
        if (error) {
          error.textContent = '';
        }
      } catch (failure) {
        console.error(failure);
        if (failure instanceof ApiError && failure.slug === 'invalid-phase') {
          this.shown = null;
          this.call('GET', '/state').then((state) => this.applyState(state, true)).catch(failed);
        } else if (error) {
          error.textContent = t('failed');
        }
      } finally {
        button.disabled = false;
      }
    });
    return button;
  }

  endButton() {
    return this.action('end', t('endLive'), '/end', { confirmText: `${t('endLive')}?` });
  }

  /** The code, a little, on every screen after the lobby: latecomers can still join. */
  codeReminder() {
    return el('p', { class: 'code-reminder' },
      el('span', { text: `${window.location.host}/live · ${t('joinCode')} ` }),
      el('strong', { text: spacedCode(this.session.code) }));
  }

  title(tag = 'p') {
    return el(tag, { class: 'live-quiz-title', lang: this.quiz.language, text: this.quiz.title });
  }

  showLobby(count, moveFocus) {
    const address = `${window.location.origin}/live?code=${this.session.code}`;
    const qr = el('img', {
      id: 'join-qr', class: 'qr', width: 240, height: 240, alt: t('qrAlt', address),
      src: `/live/qr?code=${encodeURIComponent(this.session.code)}&lang=${encodeURIComponent(this.session.language ?? language())}`,
    });
    const localOnly = LOCAL_HOSTS.includes(window.location.hostname);
    const screen = el('section', { class: 'host-lobby', 'aria-labelledby': 'lobby-title' },
      el('h1', { id: 'lobby-title', tabindex: -1, lang: this.quiz.language, text: this.quiz.title }),
      el('div', { class: 'join-box' },
        el('div', { class: 'join-how' },
          el('p', { class: 'join-at' }, el('span', { text: t('joinAt') }), ' ',
            el('strong', { class: 'join-address', text: `${window.location.host}/live` })),
          el('p', { class: 'join-code-label', text: t('joinCode') }),
          el('p', { id: 'join-code', class: 'join-code', 'data-code': this.session.code, text: spacedCode(this.session.code) })),
        el('figure', { class: 'qr-figure' }, qr, el('figcaption', { text: t('scanToJoin') }))),
      localOnly ? el('p', { class: 'notice', text: t('localhostWarning') }) : null,
      el('h2', { id: 'players-title', tabindex: -1 }),
      el('ul', { id: 'players', class: 'players', 'aria-labelledby': 'players-title' }),
      el('p', { id: 'no-players', class: 'empty', text: t('noPlayersYet') }),
      el('p', { id: 'host-error', class: 'error', role: 'alert' }),
      el('div', { class: 'actions' }, this.action('start', t('startLive'), '/advance', { primary: true }), this.endButton()));
    this.replace('lobby', '', screen, moveFocus);
    this.showPlayers(count);
  }

  /** The players in the lobby, each with a button to remove them; Start waits for the first. */
  showPlayers(count) {
    const list = document.getElementById('players');
    if (!list) {
      return;
    }
    const names = [...this.players.entries()];
    document.getElementById('players-title').textContent = t('playersTitle', count ?? names.length);
    document.getElementById('no-players').hidden = names.length > 0;
    document.getElementById('start').disabled = names.length === 0;
    list.replaceChildren(...names.map(([playerId, name]) => el('li', { class: 'player', 'data-player-id': playerId },
      el('span', { class: 'player-name-tag', text: name }),
      el('button', {
        type: 'button', class: 'remove', 'aria-label': t('removePlayer', name), text: t('remove'),
        onclick: (event) => this.remove(playerId, name, event.currentTarget),
      }))));
  }

  async remove(playerId, name, button) {
    button.disabled = true;
    try {
      await this.call('DELETE', `/players/${encodeURIComponent(playerId)}`);
      this.players.delete(playerId);
      this.showPlayers(this.players.size);
      announce(t('playerLeftAnnouncement', name));
      document.getElementById('players-title')?.focus();
    } catch (error) {
      console.error(error);
      button.disabled = false;
    }
  }

  /** A question as the crowd sees it on the big screen, with its countdown and how many answered so far. */
  showQuestion(opened, answered, players, moveFocus) {
    this.question = opened;
    const { question } = opened;
    const clock = el('span', { class: 'big-clock', role: 'timer', 'aria-live': 'off' });
    const label = el('span', { class: 'timer-label' });
    const screen = el('section', { class: 'play host-question', lang: this.quiz.language, 'aria-labelledby': 'question-text' },
      this.title('h1'),
      el('div', { class: 'status' },
        el('p', { id: 'progress-text', class: 'progress-text', text: t('questionOf', opened.index + 1, opened.count) }),
        el('p', { class: 'live-timer' }, label, ' ', clock)),
      el('h2', {
        id: 'question-text', tabindex: -1, 'data-question-id': question.id, 'data-question-type': question.type,
        text: question.text,
      }),
      choicesShown(question),
      el('div', { class: 'answered' },
        el('p', { id: 'answered-count', class: 'answered-count' }),
        el('progress', { id: 'answered-bar', max: 1, value: 0, 'aria-hidden': 'true' })),
      el('p', { id: 'host-error', class: 'error', role: 'alert' }),
      el('div', { class: 'actions' }, this.action('close-now', t('closeNow'), '/close', { primary: true }), this.endButton()),
      this.codeReminder());
    if (!this.replace('question', question.id, screen, moveFocus)) {
      return;
    }
    this.showAnswered(opened.index, answered, players);
    const answering = () => {
      label.textContent = t('timeLeft');
      this.stops.push(countdown(opened.deadline, clock, () => {}));
    };
    if (serverNow() < Date.parse(opened.answersOpenAt)) {
      label.textContent = t('getReady');
      this.stops.push(countdown(opened.answersOpenAt, clock, answering, { urgent: false }));
    } else {
      answering();
    }
  }

  showAnswered(index, answered, players) {
    const line = document.getElementById('answered-count');
    if (!line || this.question?.index !== index) {
      return;
    }
    line.textContent = t('answeredCount', answered, players);
    const bar = document.getElementById('answered-bar');
    bar.max = Math.max(1, players);
    bar.value = answered;
  }

  /** A question's results: the right answer, how everyone answered, the top five, and the way on. */
  showResults(results, moveFocus) {
    const question = this.question?.index === results.index ? this.question.question : null;
    const count = this.question?.count ?? results.index + 1;
    const last = results.index + 1 >= count;
    const nextIn = el('p', { id: 'next-in', class: 'next-in' });
    const screen = el('section', { class: 'play host-results', lang: this.quiz.language, 'aria-labelledby': 'question-text' },
      this.title('h1'),
      el('div', { class: 'status' },
        el('p', { id: 'progress-text', class: 'progress-text', text: t('questionOf', results.index + 1, count) })),
      el('h2', { id: 'question-text', tabindex: -1, 'data-question-id': results.questionId, text: question?.text ?? '' }),
      results.type === 'poll'
        ? el('p', { class: 'poll-note', text: t('pollNoRightAnswer') })
        : question && results.correctAnswer ? answerInWords(question, results.correctAnswer, 'right') : null,
      results.explanation ? el('p', { class: 'explanation', text: results.explanation }) : null,
      distributionView(results, question),
      rankingTable(results.top, t('topTitle'), undefined, 'top'),
      nextIn,
      el('p', { id: 'host-error', class: 'error', role: 'alert' }),
      el('div', { class: 'actions' },
        this.action('next', last ? t('showPodium') : t('next'), '/advance', { primary: true }), this.endButton()),
      this.codeReminder());
    if (this.replace('results', String(results.index), screen, moveFocus)) {
      this.showAutoAdvance(nextIn, last);
    }
  }

  /** When the session moves on by itself, when it will. */
  async showAutoAdvance(line, last) {
    if (last) {
      return;
    }
    try {
      const session = await this.call('GET', '');
      const after = session.settings?.autoAdvanceMs;
      if (after && session.closedAt && line.isConnected) {
        const at = new Date(Date.parse(session.closedAt) + after).toISOString();
        this.stops.push(countdown(at, line, () => {}, { format: (left) => t('nextIn', left) }));
      }
    } catch (error) {
      console.error(error);
    }
  }

  async showEnded(ended, moveFocus) {
    this.stream.close();
    const ranking = el('div', { id: 'ranking-holder' });
    const screen = el('section', { class: 'panel live-ended host-ended', 'aria-labelledby': 'final-title' },
      el('h1', { id: 'final-title', tabindex: -1, text: t('finalTitle') }),
      this.title(),
      podiumView(ended.podium),
      el('p', { class: 'muted', text: t('playersTookPart', ended.total) }),
      ranking,
      el('div', { class: 'actions' }, el('button', {
        type: 'button', id: 'host-another', class: 'primary', text: t('hostAnother'), onclick: () => this.forget(),
      })));
    if (!this.replace('ended', '', screen, moveFocus)) {
      return;
    }
    try {
      const results = await this.call('GET', '/results');
      ranking.replaceChildren(rankingTable(results.ranking, t('rankingTitle'), undefined, 'ranking'));
    } catch (error) {
      console.error(error);
    }
  }

  /** Back to the setup form: this tab hosts no session any more. */
  forget() {
    this.stream.close();
    this.stops.forEach((stop) => stop());
    store(HOSTING_KEY, null);
    hosting = null;
    showSetup({ focus: true }).catch(failed);
  }
}

/** The options of a question as the big screen shows them; nothing for the types where players type. */
function choicesShown(question) {
  if (question.type === 'true_false') {
    return el('ul', { class: 'host-options' },
      el('li', { text: t('trueLabel') }), el('li', { text: t('falseLabel') }));
  }
  if (question.type === 'matching') {
    return el('div', { class: 'host-matching' },
      el('ul', { class: 'host-options' }, question.left.map((item) => el('li', { text: item.text }))),
      el('ul', { class: 'host-options' }, question.right.map((item) => el('li', { text: item.text }))));
  }
  if (!question.options?.length) {
    return null;
  }
  return el(question.type === 'ordering' ? 'ul' : 'ol', { class: 'host-options' },
    question.options.map((option) => el('li', { text: option.text })));
}

function failed(error) {
  console.error(error);
  showScreen(el('section', { class: 'panel', 'aria-labelledby': 'failure-title' },
    el('h1', { id: 'failure-title', tabindex: -1, text: t('failed') }),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', text: t('tryAgain'), onclick: () => window.location.reload() }))));
}

setUpChrome('hostPageTitle', () => {
  if (hosting) {
    hosting.restart().catch(failed);
  } else {
    showSetup({ values: setupValues() }).catch(failed);
  }
});
begin().catch(failed);

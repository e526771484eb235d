// The host's page of live quizzes, /live/host (also reached as /#/host): with the admin token, pick a quiz, the
// language of the big screen and the settings, and create a session; show its code, QR code and link while players
// join; then open each question, close it, show its results and the podium, by button or by key. The admin token
// and the session's host token stay in this tab (sessionStorage) only.

import { adminToken } from './admin-token.js';
import { ApiError, call, serverNow } from './api.js';
import { setUpChrome } from './chrome.js';
import { announce, el } from './dom.js';
import { language, setLanguage, t } from './i18n.js';
import { listenForShortcuts, shortcutOf, shortcutsLine } from './live-host-keys.js';
import { BOTH, setupValues, showSetup } from './live-host-setup.js';
import { LiveScreens, showFailure } from './live-screens.js';
import { LiveStream } from './live-stream.js';
import { secondLanguageTexts, showWords, stackSecondLanguage, words } from './live-stacked.js';
import { connectionBanner, countdown, distributionView, podiumView, rankingTable, spacedCode } from './live-views.js';
import { answerInWords } from './questions.js';
import { load, save } from './stored.js';

const LIVE = '/api/v1/live-sessions';
const HOSTING_KEY = 'kydp.live.hosting';
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
/** The players the final ranking on the big screen shows at most, under the podium: it has to fit the screen. */
const RANKED_SHOWN = 10;

let hosting = null;
let updateChrome = () => {};

async function begin() {
  const session = load(sessionStorage, HOSTING_KEY);
  if (session?.id && session?.hostToken) {
    const resumed = new Hosting(session);
    if (await resumed.start()) {
      hosting = resumed;
      return;
    }
    save(sessionStorage, HOSTING_KEY, null);
  }
  await setup({ focus: false });
}

function setup(options) {
  document.body.classList.remove('on-stage');
  return showSetup(hostCreated, options);
}

/** A session was created: the page takes the big screen's language, and shows the lobby. */
async function hostCreated(created, display) {
  if (display !== BOTH && display !== language()) {
    setLanguage(display);
    updateChrome();
  }
  const session = { id: created.id, code: created.code, hostToken: created.hostToken, language: created.language, display };
  save(sessionStorage, HOSTING_KEY, session);
  hosting = new Hosting(session);
  await hosting.start();
}

/** One session this tab hosts: follows its events and shows each phase with the host's controls. */
class Hosting extends LiveScreens {
  constructor(session) {
    super();
    this.session = session;
    this.path = `${LIVE}/${encodeURIComponent(session.id)}`;
    this.players = new Map();
    this.playerCount = 0;
    this.answered = 0;
    this.sources = null;
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
    await this.loadQuiz(state.quizId);
    document.body.classList.add('on-stage');
    await this.applyState(state, moveFocus);
    if (state.phase !== 'ended') {
      this.stream.open(state.lastEventId);
    }
    return true;
  }

  async restart() {
    this.stream.close();
    this.forgetShown();
    if (!(await this.start({ moveFocus: false }))) {
      this.forget();
    }
  }

  call(method, suffix, options = {}) {
    return call(method, `${this.path}${suffix}`, { ...options, token: this.session.hostToken });
  }

  /** The language shown under the page's on the big screen, or null when it shows one. */
  secondLanguage() {
    const other = language() === 'en' ? 'hi' : 'en';
    return this.session.display === BOTH && (this.quiz.languages ?? [other]).includes(other) ? other : null;
  }

  /**
   * Adds the second language, if the big screen shows two, to the texts of a screen shown: the page's own words at
   * once, the quiz's once read in that language.
   */
  async stack(screen) {
    const second = this.secondLanguage();
    if (!second) {
      return;
    }
    stackSecondLanguage(screen, second);
    try {
      const [state, quiz] = await Promise.all([
        this.call('GET', '/state', { query: { lang: second } }), this.quizIn(second)]);
      stackSecondLanguage(screen, second, secondLanguageTexts(state, quiz));
    } catch (error) {
      console.error(error);
    }
  }

  /** The quiz read in another language, once; null if it cannot be read. */
  quizIn(lang) {
    this.quizzesIn ??= new Map();
    if (!this.quizzesIn.has(lang)) {
      this.quizzesIn.set(lang, call('GET', `/api/v1/quizzes/${encodeURIComponent(this.quiz.id)}`, { query: { lang } })
        .catch((error) => {
          console.error(error);
          return null;
        }));
    }
    return this.quizzesIn.get(lang);
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
        this.showAnswered(this.question?.index, this.answered, data.players);
        announce(t('playerJoinedAnnouncement', data.name));
        break;
      case 'player-left':
        this.players.delete(data.playerId);
        this.playerCount = data.players;
        this.showPlayers(data.players);
        this.showAnswered(this.question?.index, this.answered, data.players);
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

  /** Shows a screen of the big screen, in its language or two. */
  stage(kind, key, content, moveFocus) {
    const shown = this.replace(kind, key, content, moveFocus);
    if (shown) {
      this.stack(content);
    }
    return shown;
  }

  /** A host's button: disabled while its request runs; a move the phase no longer allows reads the state again. */
  action(id, text, suffix, { primary = false, confirmText = null } = {}) {
    const button = el('button', {
      type: 'button', id, class: primary ? 'primary' : null, text, 'aria-keyshortcuts': shortcutOf(id),
    });
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
          this.forgetShown();
          this.call('GET', '/state').then((state) => this.applyState(state, true)).catch(showFailure);
        } else if (error) {
          error.textContent = t('failed');
        }
      } finally {
        button.disabled = false;
      }
    });
    return button;
  }

  /**
   * The foot of a screen: its buttons, and beside them the line that tells their keys and, once the quiz runs, the
   * code for latecomers, or a note to the host. The buttons, the keys and the notes to the host are only for the
   * host, and stay in the page's language when the big screen shows two; the code is for the hall.
   */
  controls(buttons, keys, { reminder = true, note = null } = {}) {
    return [
      el('p', { id: 'host-error', class: 'error', role: 'alert' }),
      el('div', { class: 'stage-foot' },
        el('div', { class: 'actions' }, buttons,
          this.action('end', t('endLive'), '/end', { confirmText: `${t('endLive')}?` })),
        el('div', { class: 'stage-notes' }, shortcutsLine(keys), reminder ? this.codeReminder() : null, note)),
    ];
  }

  /** The address players open: the join page with the code filled in, as the QR code says it. */
  joinLink() {
    return `${window.location.origin}/live?code=${this.session.code}`;
  }

  /** The code, a little, on every screen after the lobby: latecomers can still join. */
  codeReminder() {
    return el('p', { class: 'code-reminder' },
      `${window.location.host}/live · `, words('span', {}, 'joinCode'), ' ',
      el('strong', { text: spacedCode(this.session.code) }));
  }

  showLobby(count, moveFocus) {
    const link = this.joinLink();
    const qrLanguage = this.session.display === BOTH ? '' : `&lang=${encodeURIComponent(this.session.language ?? language())}`;
    const qr = el('img', {
      id: 'join-qr', class: 'qr', width: 240, height: 240, alt: t('qrAlt', link),
      src: `/live/qr?code=${encodeURIComponent(this.session.code)}${qrLanguage}`,
    });
    // a note for the host, not the hall: small, beside the buttons
    const localOnly = LOCAL_HOSTS.includes(window.location.hostname)
      ? el('p', { id: 'localhost-note', class: 'notice', text: t('localhostWarning') }) : null;
    const screen = el('section', { class: 'stage host-lobby', 'aria-labelledby': 'lobby-title' },
      el('h1', { id: 'lobby-title', tabindex: -1, lang: this.quiz.language, 'data-text': 'title', text: this.quiz.title }),
      el('div', { class: 'join-box' },
        el('div', { class: 'join-how' },
          el('p', { class: 'join-at' }, el('span', { 'data-text': 'joinAt', text: t('joinAt') }), ' ',
            el('strong', { class: 'join-address', text: `${window.location.host}/live` })),
          el('p', { class: 'join-code-label', 'data-text': 'joinCode', text: t('joinCode') }),
          el('p', { id: 'join-code', class: 'join-code', 'data-code': this.session.code, text: spacedCode(this.session.code) })),
        el('figure', { class: 'qr-figure' }, qr,
          el('figcaption', {},
            el('span', { 'data-text': 'scanToJoin', text: t('scanToJoin') }),
            el('span', { class: 'join-link' }, words('span', {}, 'orOpen'), ' ',
              el('a', { id: 'join-link', href: link, text: link }))))),
      el('h2', { id: 'players-title', tabindex: -1 }),
      el('ul', { id: 'players', class: 'players', 'aria-labelledby': 'players-title' }),
      words('p', { id: 'no-players', class: 'empty' }, 'noPlayersYet'),
      this.controls(this.action('start', t('startLive'), '/advance', { primary: true }), [['N', t('startLive')]],
        { reminder: false, note: localOnly }));
    this.stage('lobby', '', screen, moveFocus);
    this.showPlayers(count);
  }

  /** The players in the lobby, each with a button to remove them; Start waits for the first. */
  showPlayers(count) {
    const list = document.getElementById('players');
    if (!list) {
      return;
    }
    const names = [...this.players.entries()];
    showWords(document.getElementById('players-title'), 'playersTitle', count ?? names.length);
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
    const clock = el('span', { id: 'host-clock', class: 'big-clock', role: 'timer', 'aria-live': 'off' });
    const label = el('span', { class: 'timer-label' });
    const screen = el('section', { class: 'stage host-question', lang: this.quiz.language, 'aria-labelledby': 'question-text' },
      el('div', { class: 'status' },
        this.title('h1'),
        words('p', { id: 'progress-text', class: 'progress-text' }, 'questionOf', opened.index + 1, opened.count),
        el('p', { class: 'live-timer' }, label, ' ', clock)),
      el('h2', {
        id: 'question-text', tabindex: -1, 'data-question-id': question.id, 'data-question-type': question.type,
        'data-text': 'question', text: question.text,
      }),
      choicesShown(question),
      el('div', { class: 'answered' },
        el('p', { id: 'answered-count', class: 'answered-count' }),
        el('progress', { id: 'answered-bar', max: 1, value: 0, 'aria-hidden': 'true' })),
      this.controls(this.action('close-now', t('closeNow'), '/close', { primary: true }), [['C', t('closeNow')]]));
    if (!this.stage('question', question.id, screen, moveFocus)) {
      return;
    }
    this.showAnswered(opened.index, answered, players);
    const answering = () => {
      showWords(label, 'timeLeft');
      this.stops.push(countdown(opened.deadline, clock, () => {}));
    };
    if (serverNow() < Date.parse(opened.answersOpenAt)) {
      showWords(label, 'getReady');
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
    this.answered = answered;
    showWords(line, 'answeredCount', answered, players);
    const bar = document.getElementById('answered-bar');
    bar.max = Math.max(1, players);
    bar.value = answered;
  }

  /** A question's results: the right answer, explanation and source, how everyone answered, the top five. */
  showResults(results, moveFocus) {
    const question = this.question?.index === results.index ? this.question.question : null;
    const count = this.question?.count ?? results.index + 1;
    const last = results.index + 1 >= count;
    const nextIn = el('p', { id: 'next-in', class: 'next-in' });
    const source = el('p', { id: 'source', class: 'source', hidden: true });
    const top = rankingTable(results.top, 'topTitle', undefined, 'top');
    const nextText = last ? t('showPodium') : t('next');
    // a chart of two bars, fully right or not (an order, pairs), leaves room under it for the explanation
    const { choices, common } = results.distribution;
    const shortChart = choices.length + common.length === 0;
    const screen = el('section', { class: 'stage host-results', lang: this.quiz.language, 'aria-labelledby': 'question-text' },
      el('div', { class: 'status' },
        this.title('h1'),
        words('p', { id: 'progress-text', class: 'progress-text' }, 'questionOf', results.index + 1, count)),
      el('h2', { id: 'question-text', tabindex: -1, 'data-question-id': results.questionId, 'data-text': 'question',
        text: question?.text ?? '' }),
      el('div', { class: shortChart ? 'results-columns short-chart' : 'results-columns' },
        el('div', { class: 'results-answer' },
          results.type === 'poll'
            ? words('p', { class: 'poll-note' }, 'pollNoRightAnswer')
            : question && results.correctAnswer
              ? answerInWords(question, results.correctAnswer, 'right', { marks: true }) : null),
        el('div', { class: 'results-explained' },
          results.explanation ? el('p', { class: 'explanation', 'data-text': 'explanation', text: results.explanation }) : null,
          source),
        el('div', { class: 'results-crowd' }, distributionView(results, question, { compact: true })),
        el('div', { class: 'results-top' }, top)),
      nextIn,
      this.controls(this.action('next', nextText, '/advance', { primary: true }), [['N', nextText]]));
    if (this.stage('results', String(results.index), screen, moveFocus)) {
      this.showSource(source, results.questionId);
      this.showAutoAdvance(nextIn, last);
    }
  }

  /** The source of a question's facts, from the quiz as its admin sees it: this tab has the admin token. */
  async showSource(line, questionId) {
    const token = adminToken();
    if (!token) {
      return;
    }
    try {
      this.sources ??= call('GET', `/api/v1/admin/quizzes/${encodeURIComponent(this.quiz.id)}`, { token })
        .then((quiz) => new Map(quiz.questions.map((question) => [question.id, question.source])));
      const source = (await this.sources).get(questionId);
      if (source && line.isConnected) {
        const label = el('span', { class: 'source-label' });
        line.replaceChildren(label, `: ${source}`);
        showWords(label, 'sourceLabel');
        line.hidden = false;
      }
    } catch (error) {
      console.error(error);
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
        this.stops.push(countdown(at, line, () => {}, { show: (left) => showWords(line, 'nextIn', left) }));
      }
    } catch (error) {
      console.error(error);
    }
  }

  async showEnded(ended, moveFocus) {
    this.stream.close();
    const ranking = el('div', { id: 'ranking-holder' });
    const screen = el('section', { class: 'stage host-ended', 'aria-labelledby': 'final-title' },
      el('h1', { id: 'final-title', tabindex: -1, 'data-text': 'finalTitle', text: t('finalTitle') }),
      this.title(),
      podiumView(ended.podium),
      words('p', { class: 'muted' }, 'playersTookPart', ended.total),
      ranking,
      el('div', { class: 'actions' }, el('button', {
        type: 'button', id: 'host-another', class: 'primary', text: t('hostAnother'), onclick: () => this.forget(),
      })));
    if (!this.stage('ended', '', screen, moveFocus)) {
      return;
    }
    try {
      const results = await this.call('GET', '/results');
      const { ranking: everyone } = results;
      const caption = everyone.length > RANKED_SHOWN ? ['rankingFirst', RANKED_SHOWN] : 'rankingTitle';
      ranking.replaceChildren(rankingTable(everyone.slice(0, RANKED_SHOWN), caption, undefined, 'ranking'));
      if (screen.dataset.secondLanguage) {
        stackSecondLanguage(screen, screen.dataset.secondLanguage);
      }
    } catch (error) {
      console.error(error);
    }
  }

  /** Back to the setup form: this tab hosts no session any more. */
  forget() {
    this.stream.close();
    this.stopTimers();
    save(sessionStorage, HOSTING_KEY, null);
    hosting = null;
    setup({ focus: true }).catch(showFailure);
  }
}

/** The options of a question as the big screen shows them; nothing for the types where players type. */
function choicesShown(question) {
  const item = (text, key) => el('li', {}, el('span', { 'data-text': key, text }));
  if (question.type === 'true_false') {
    return el('ol', { class: 'host-options' }, item(t('trueLabel'), 'true'), item(t('falseLabel'), 'false'));
  }
  if (question.type === 'matching') {
    return el('div', { class: 'host-matching' },
      el('ul', { class: 'host-options' }, question.left.map((left) => item(left.text, `left:${left.id}`))),
      el('ul', { class: 'host-options' }, question.right.map((right) => item(right.text, `right:${right.id}`))));
  }
  if (!question.options?.length) {
    return null;
  }
  return el(question.type === 'ordering' ? 'ul' : 'ol', { class: 'host-options' },
    question.options.map((option) => item(option.text, `options:${option.id}`)));
}

updateChrome = setUpChrome('hostPageTitle', () => {
  if (hosting) {
    hosting.restart().catch(showFailure);
  } else {
    setup({ values: setupValues() }).catch(showFailure);
  }
});
listenForShortcuts();
begin().catch(showFailure);

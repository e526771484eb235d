// The statistics page of a quiz's owner, /stats (also reached as /#/stats): with the admin token (kept in this tab
// only, as on the host's page), pick a quiz, a version and the days; see its attempts, scores and the attempts
// finished each day, and its questions the hardest first, each with how the crowd answered it and what is
// flagged; download the same figures as CSV. Charts are inline SVG, built node by node like the rest of the page.

import { adminToken, keepAdminToken } from './admin-token.js';
import { ApiError, call } from './api.js';
import { setUpChrome, showScreen } from './chrome.js';
import { announce, el } from './dom.js';
import { clock, language, t } from './i18n.js';
import { showFailure } from './live-screens.js';

const ADMIN_QUIZZES = '/api/v1/admin/quizzes';
const SVG = 'http://www.w3.org/2000/svg';
const FLAG_ORDER = ['low_facility', 'low_discrimination', 'unchosen_wrong_option'];

/** What the page shows: kept across a change of language, which draws it again. */
const view = {
  quizzes: null, quizId: '', version: '', from: '', to: '', stats: null, error: null, titles: new Map(),
};
let loads = 0;

/** Creates an SVG element: attributes as given, children nodes or strings (as text). */
function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(name, String(value));
    }
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

function locale() {
  return language() === 'hi' ? 'hi-IN' : 'en-IN';
}

/** A number to at most `digits` decimals, in the page's language; a dash when there is none. */
function number(value, digits = 1) {
  if (value === null || value === undefined) {
    return '—';
  }
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

function percent(count, of) {
  return of > 0 ? Math.round((100 * count) / of) : 0;
}

/** A day, `2026-12-03`, as the page's language says it short: "3 Dec". */
function dayName(date, options = { day: 'numeric', month: 'short' }) {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { ...options, timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

/** A text of the quiz in the page's language, or in another it has; with the language it is in. */
function inLanguage(texts) {
  const lang = texts?.[language()] !== undefined ? language() : Object.keys(texts ?? {})[0];
  return { text: lang ? texts[lang] : '', lang };
}

async function begin() {
  if (!adminToken()) {
    showTokenForm({ focus: false });
    return;
  }
  try {
    view.quizzes = await call('GET', ADMIN_QUIZZES, { token: adminToken() });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      keepAdminToken(null);
      showTokenForm({ focus: false, refused: true });
      return;
    }
    throw error;
  }
  view.quizId ||= view.quizzes[0]?.id ?? '';
  showPage({ focus: false });
  if (view.quizId) {
    await loadStats();
  }
}

/** The form that asks for the admin token, once per tab. */
function showTokenForm({ focus = true, refused = false } = {}) {
  const token = el('input', {
    id: 'admin-token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    'aria-describedby': 'admin-token-hint token-error', 'aria-invalid': String(refused),
  });
  const error = el('p', { id: 'token-error', class: 'error', role: 'alert', text: refused ? t('adminTokenRefused') : '' });
  const button = el('button', { type: 'submit', class: 'primary', text: t('showStats') });
  const form = el('form', { class: 'register stats-token', novalidate: true },
    el('div', { class: 'field-block' },
      el('label', { for: 'admin-token', text: t('adminTokenLabel') }),
      el('p', { id: 'admin-token-hint', class: 'hint', text: t('adminTokenHint') }),
      token),
    error,
    button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const given = token.value.trim();
    if (!given) {
      error.textContent = t('adminTokenRefused');
      token.focus();
      return;
    }
    button.disabled = true;
    try {
      view.quizzes = await call('GET', ADMIN_QUIZZES, { token: given });
      keepAdminToken(given);
      view.quizId ||= view.quizzes[0]?.id ?? '';
      showPage({ focus: true });
      if (view.quizId) {
        await loadStats();
      }
    } catch (failure) {
      console.error(failure);
      const wrong = failure instanceof ApiError && failure.status === 401;
      error.textContent = wrong ? t('adminTokenRefused') : t('failed');
      token.setAttribute('aria-invalid', String(wrong));
      token.focus();
    } finally {
      button.disabled = false;
    }
  });
  showScreen(el('section', { class: 'panel stats-panel', 'aria-labelledby': 'stats-title' },
    el('h1', { id: 'stats-title', tabindex: -1, text: t('statsTitle') }),
    el('p', { class: 'intro', text: t('statsIntro') }),
    form), { focus, focusTarget: token });
}

/** A labelled control. */
function field(id, label, control, className = 'field-block') {
  return el('div', { class: className }, el('label', { for: id, text: label }), control);
}

/** The page once the token works: the choice of quiz, version and days, and the figures under it. */
function showPage({ focus = false } = {}) {
  const quiz = el('select', { id: 'stats-quiz' }, view.quizzes.map((item) => el('option', {
    value: item.id,
    text: `${item.title} (${item.id})${item.published ? '' : ` · ${t('unpublished')}`}`,
  })));
  quiz.value = view.quizId;
  const version = el('select', { id: 'stats-version' });
  const offerVersions = () => {
    const latest = view.quizzes.find((item) => item.id === quiz.value)?.version ?? 1;
    version.replaceChildren(el('option', { value: '', text: t('allVersions') }),
      Array.from({ length: latest }, (_, i) => el('option', { value: i + 1, text: t('versionNumber', i + 1) })));
    version.value = view.version && Number(view.version) <= latest ? view.version : '';
  };
  offerVersions();
  const date = (id, value) => el('input', { id, type: 'date', value, 'aria-describedby': 'dates-hint' });
  const from = date('stats-from', view.from);
  const to = date('stats-to', view.to);
  const show = el('button', { type: 'submit', class: 'primary', id: 'show-stats', text: t('showStats') });
  const download = el('button', { type: 'button', id: 'download-csv', text: t('downloadCsv') });
  const error = el('p', { id: 'stats-error', class: 'error', role: 'alert' });
  const form = el('form', { class: 'register stats-filter', novalidate: true },
    field('stats-quiz', t('quizLabel'), quiz, 'field-block stats-quiz'),
    el('div', { class: 'stats-range' },
      field('stats-version', t('versionLabel'), version),
      field('stats-from', t('fromLabel'), from),
      field('stats-to', t('toLabel'), to)),
    el('p', { id: 'dates-hint', class: 'hint', text: t('datesHint') }),
    el('div', { class: 'actions' }, show, download),
    error);
  const remember = () => {
    view.quizId = quiz.value;
    view.version = version.value;
    view.from = from.value;
    view.to = to.value;
  };
  [version, from, to].forEach((control) => control.addEventListener('change', remember));
  quiz.addEventListener('change', () => {
    view.version = '';
    offerVersions();
    remember();
    loadStats();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    remember();
    loadStats();
  });
  download.addEventListener('click', async () => {
    remember();
    download.disabled = true;
    try {
      await downloadCsv();
    } finally {
      download.disabled = false;
    }
  });
  const forget = el('button', { type: 'button', id: 'forget-token', class: 'link-button', text: t('forgetToken') });
  forget.addEventListener('click', () => {
    keepAdminToken(null);
    view.stats = null;
    view.error = null;
    showTokenForm();
  });
  showScreen(el('div', { class: 'stats' },
    el('section', { class: 'panel stats-panel', 'aria-labelledby': 'stats-title' },
      el('h1', { id: 'stats-title', tabindex: -1, text: t('statsTitle') }),
      el('p', { class: 'intro', text: t('statsIntro') }),
      form,
      forget),
    el('div', { id: 'stats-result', 'aria-busy': 'false' })), { focus });
  if (!view.quizzes.length) {
    document.getElementById('stats-result').replaceChildren(el('p', { class: 'empty', text: t('noQuizzes') }));
    show.disabled = true;
    download.disabled = true;
    return;
  }
  showRefusal();
  showStats();
}

/** The query of the figures asked for. */
function query() {
  const asked = {};
  for (const name of ['from', 'to', 'version']) {
    if (view[name]) {
      asked[name] = view[name];
    }
  }
  return asked;
}

function statsPath() {
  return `${ADMIN_QUIZZES}/${encodeURIComponent(view.quizId)}/stats`;
}

/** Reads the figures of the quiz and the days chosen, and shows them, or why the server refused. */
async function loadStats() {
  const load = ++loads;
  const result = document.getElementById('stats-result');
  result?.setAttribute('aria-busy', 'true');
  try {
    const [stats] = await Promise.all([
      call('GET', statsPath(), { token: adminToken(), query: query() }), readTitle(view.quizId)]);
    if (load !== loads) {
      return;
    }
    view.stats = stats;
    view.error = null;
  } catch (error) {
    if (load !== loads) {
      return;
    }
    if (error instanceof ApiError && error.status === 401) {
      keepAdminToken(null);
      showTokenForm({ refused: true });
      return;
    }
    console.error(error);
    view.stats = null;
    view.error = error instanceof ApiError && error.status === 422 ? { detail: error.message } : { failed: true };
  } finally {
    if (load === loads) {
      document.getElementById('stats-result')?.setAttribute('aria-busy', 'false');
    }
  }
  showRefusal();
  showStats();
  if (view.stats) {
    announce(t('statsShown', document.getElementById('stats-quiz-title')?.textContent ?? '', view.stats.attempts.finished));
  }
}

/** The quiz's title in each of its languages, read once from its document; the list has only its default one. */
async function readTitle(quizId) {
  if (view.titles.has(quizId)) {
    return;
  }
  try {
    const quiz = await call('GET', `${ADMIN_QUIZZES}/${encodeURIComponent(quizId)}`, { token: adminToken() });
    view.titles.set(quizId, typeof quiz.title === 'string' ? { [quiz.defaultLanguage]: quiz.title } : quiz.title);
  } catch (error) {
    console.error(error);
  }
}

/** Why the server refused the query (its problem's detail, as it said it), or nothing. */
function showRefusal() {
  const line = document.getElementById('stats-error');
  if (!line) {
    return;
  }
  if (view.error?.detail) {
    line.replaceChildren(`${t('statsRefused')} `, el('span', { lang: 'en', class: 'problem-detail', text: view.error.detail }));
  } else {
    line.textContent = view.error?.failed ? t('failed') : '';
  }
}

/** Fetches the figures as CSV with the token, and hands them to the browser as a file to save. */
async function downloadCsv() {
  const url = new URL(statsPath(), window.location.origin);
  for (const [name, value] of Object.entries({ ...query(), format: 'csv', lang: language() })) {
    url.searchParams.set(name, value);
  }
  try {
    const response = await fetch(url, {
      headers: { Accept: 'text/csv', Authorization: `Bearer ${adminToken()}` }, cache: 'no-store',
    });
    if (!response.ok) {
      const type = response.headers.get('Content-Type') ?? '';
      throw new ApiError(response.status, type.includes('json') ? await response.json() : null);
    }
    const href = URL.createObjectURL(await response.blob());
    const link = el('a', { href, download: `${view.quizId}-stats.csv`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60000);
    view.error = null;
  } catch (error) {
    console.error(error);
    if (error instanceof ApiError && error.status === 401) {
      keepAdminToken(null);
      showTokenForm({ refused: true });
      return;
    }
    view.error = error instanceof ApiError && error.status === 422 ? { detail: error.message } : { failed: true };
  }
  showRefusal();
}

/** The figures read last. */
function showStats() {
  const result = document.getElementById('stats-result');
  if (!result) {
    return;
  }
  const { stats } = view;
  if (!stats || stats.quizId !== view.quizId) {
    result.replaceChildren();
    return;
  }
  const listed = view.quizzes.find((item) => item.id === stats.quizId);
  const title = view.titles.has(stats.quizId) ? inLanguage(view.titles.get(stats.quizId))
    : { text: listed?.title ?? stats.quizId, lang: null };
  result.replaceChildren(
    el('section', { class: 'panel stats-summary', 'aria-labelledby': 'stats-quiz-title' },
      el('h2', { id: 'stats-quiz-title', lang: title.lang, text: title.text }),
      el('p', { class: 'meta', id: 'stats-scope', text: scopeLine(stats) }),
      stats.attempts.started === 0 ? el('p', { class: 'empty', id: 'stats-nothing', text: t('statsNothing') }) : null,
      figures(stats)),
    perDay(stats),
    questions(stats));
}

/** Which attempts the figures count: the version and the days. */
function scopeLine(stats) {
  const version = stats.version ? t('versionNumber', stats.version) : t('allVersions');
  const long = { day: 'numeric', month: 'short', year: 'numeric' };
  const days = [stats.from ?? stats.perDay[0]?.date, stats.to ?? stats.perDay.at(-1)?.date]
    .map((date) => (date ? dayName(date, long) : '…'));
  return `${version} · ${days[0]} – ${days[1]}`;
}

/** A list of figures: each a term and its value, a number or, when there is none, a note in words. */
function figureList(className, entries) {
  return el('dl', { class: className }, entries.filter(Boolean).map(([id, term, value, note = false]) => el('div', {
    class: 'figure', 'data-figure': id,
  }, el('dt', { text: term }), el('dd', { class: note ? 'note' : null, text: value }))));
}

function figures(stats) {
  const { score } = stats;
  const duration = stats.durationMs.median;
  return figureList('stats-figures', [
    ['started', t('attemptsStarted'), number(stats.attempts.started, 0)],
    ['finished', t('attemptsFinished'), number(stats.attempts.finished, 0)],
    ['players', t('playersLabel'), number(stats.players, 0)],
    ['mean', t('scoreMean'), score.mean === null ? '—' : t('outOf', number(score.mean), number(score.max, 0))],
    ['median', t('scoreMedian'), score.median === null ? '—' : t('outOf', number(score.median), number(score.max, 0))],
    ['sd', t('scoreSd'), number(score.sd)],
    ['duration', t('medianDuration'), duration === null ? '—' : clock(duration / 1000)],
  ]);
}

/** The attempts finished each day, a bar each, with the dates under them; wide ranges scroll sideways. */
function perDay(stats) {
  const days = stats.perDay;
  const section = el('section', { class: 'panel stats-days', 'aria-labelledby': 'per-day-title' },
    el('h2', { id: 'per-day-title', text: t('perDayTitle') }));
  if (!days.length) {
    section.append(el('p', { class: 'empty', text: t('statsNothing') }));
    return section;
  }
  const slot = days.length <= 10 ? 56 : days.length <= 31 ? 28 : days.length <= 92 ? 14 : 8;
  const labelEvery = Math.ceil(60 / slot);
  const top = 22;
  const height = 140;
  const bottom = 30;
  const side = 10;
  const width = Math.max(days.length * slot + 2 * side, 280);
  const most = Math.max(1, ...days.map((day) => day.finished));
  const total = days.reduce((sum, day) => sum + day.finished, 0);
  const chart = svg('svg', {
    class: 'day-chart', width, height: top + height + bottom, viewBox: `0 0 ${width} ${top + height + bottom}`,
    role: 'img', 'aria-label': t('perDayChart', days.length, total),
  });
  chart.append(svg('line', { class: 'axis', x1: side, x2: width - side, y1: top + height, y2: top + height }));
  days.forEach((day, index) => {
    const barHeight = Math.round((height * day.finished) / most);
    const x = side + index * slot;
    const said = t('dayFinished', dayName(day.date, { day: 'numeric', month: 'long', year: 'numeric' }), day.finished);
    const group = svg('g', { class: 'day', 'data-date': day.date, 'data-finished': day.finished }, svg('title', {}, said));
    group.append(svg('rect', {
      class: 'day-bar', x: x + slot * 0.15, y: top + height - barHeight, width: slot * 0.7, height: barHeight,
    }));
    if (slot >= 28 && day.finished > 0) {
      group.append(svg('text', { class: 'day-count', x: x + slot / 2, y: top + height - barHeight - 5 },
        number(day.finished, 0)));
    }
    if ((days.length - 1 - index) % labelEvery === 0) {
      group.append(svg('text', { class: 'day-date', x: x + slot / 2, y: top + height + 19 }, dayName(day.date)));
    }
    chart.append(group);
  });
  const scroller = el('div', { class: 'chart-scroll', tabindex: 0, role: 'group', 'aria-label': t('perDayTitle') });
  scroller.append(chart);
  section.append(scroller);
  // the latest days in sight, also when the window narrows
  new ResizeObserver(() => {
    scroller.scrollLeft = scroller.scrollWidth;
  }).observe(scroller);
  return section;
}

/** The questions, the lowest facility first; polls, which have none, last. */
function questions(stats) {
  const sorted = [...stats.questions].sort((a, b) => {
    if (a.facility === null || b.facility === null) {
      return (a.facility === null) - (b.facility === null);
    }
    return a.facility - b.facility;
  });
  return el('section', { class: 'stats-questions', 'aria-labelledby': 'questions-title' },
    el('h2', { id: 'questions-title', text: t('questionsTitle') }),
    el('p', { class: 'hint', text: t('questionsIntro') }),
    el('ol', { id: 'stats-question-list', class: 'stats-question-list' }, sorted.map(questionCard)));
}

function questionCard(question) {
  const { text, lang } = inLanguage(question.text);
  const titleId = `question-${question.questionId}`;
  const flags = [...question.flags].sort((a, b) => FLAG_ORDER.indexOf(a) - FLAG_ORDER.indexOf(b));
  const poll = question.type === 'poll';
  const facility = question.facility === null ? t('noFacility') : `${Math.round(question.facility * 100)}%`;
  const discrimination = question.discrimination === null ? (poll ? '—' : t('noDiscrimination'))
    : number(question.discrimination, 2);
  const fullyRight = !poll && question.fullyRight !== null
    && ['multiple_response', 'ordering', 'matching'].includes(question.type)
    ? ['fully-right', t('fullyRightLabel'), `${Math.round(question.fullyRight * 100)}%`] : null;
  return el('li', {
    class: 'panel stats-question', 'data-question-id': question.questionId, 'data-type': question.type,
    'data-facility': question.facility ?? '', 'aria-labelledby': titleId,
  },
  el('p', { class: 'question-type', text: t('questionTypes')[question.type] ?? question.type }),
  el('h3', { id: titleId, class: 'question-text', lang, text }),
  flags.length ? el('ul', { class: 'flags' }, flags.map((flag) => el('li', { class: `flag flag-${flag}`, 'data-flag': flag },
    el('strong', { class: 'flag-name' }, el('span', { class: 'flag-mark', 'aria-hidden': 'true', text: '⚠' }), ' ',
      t('flagNames')[flag] ?? flag),
    el('span', { class: 'flag-hint', text: t('flagHints')[flag] ?? '' })))) : null,
  figureList('question-figures', [
    ['facility', t('facilityLabel'), facility, question.facility === null],
    ['discrimination', t('discriminationLabel'), discrimination, question.discrimination === null && !poll],
    fullyRight,
    ['answered', t('answeredLabel'), number(question.answered, 0)],
    ['skipped', t('skippedLabel'), number(question.skipped, 0)],
    ['timed-out', t('timedOutLabel'), number(question.timedOut, 0)],
    ['mean-time', t('meanTimeLabel'), question.meanTimeMs === null ? '—'
      : t('secondsShort', number(question.meanTimeMs / 1000))],
  ]),
  answersShown(question));
}

/** How the crowd answered: a bar per option, the most common wrong answers, or the items put right. */
function answersShown(question) {
  const of = question.answered;
  if (question.options.length) {
    return barList('options', t('optionsTitle'), question.options.map((option) => ({
      id: option.id, ...inLanguage(option.text), count: option.chosen, of, right: option.right && question.type !== 'poll',
    })));
  }
  if (['short_text', 'numeric'].includes(question.type)) {
    if (!question.topWrongAnswers.length) {
      return el('div', { class: 'answers' }, el('h4', { text: t('topWrongTitle') }),
        el('p', { class: 'empty', text: t('noWrongAnswers') }));
    }
    return barList('wrong-answers', t('topWrongTitle'), question.topWrongAnswers.map((answer) => ({
      text: answer.text, lang: null, count: answer.count, of, wrong: true,
    })));
  }
  if (question.items.length) {
    const title = question.type === 'ordering' ? t('orderingItemsTitle') : t('matchingItemsTitle');
    return barList('items', title, question.items.map((item) => ({
      id: item.id, ...inLanguage(item.text), count: item.right, of, right: true, unmarked: true,
    })));
  }
  return null;
}

/**
 * A chart of horizontal bars, one per row: its text (the right answer said in words beside it), an SVG bar as long
 * as its share of the answers, and the count with the share.
 */
function barList(kind, title, rows) {
  return el('div', { class: `answers answers-${kind}` },
    el('h4', { text: title }),
    el('ul', { class: 'bar-list' }, rows.map((row) => {
      const share = percent(row.count, row.of);
      const marked = row.right && !row.unmarked;
      const bar = svg('svg', {
        class: 'share-bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false',
      },
      svg('rect', { class: 'track', x: 0, y: 0, width: 100, height: 10 }),
      svg('rect', { class: marked ? 'fill right' : row.wrong ? 'fill wrong' : 'fill', x: 0, y: 0, width: share, height: 10 }));
      return el('li', {
        class: marked ? 'bar-row right' : 'bar-row', 'data-id': row.id ?? null, 'data-count': row.count,
      },
      el('span', { class: 'bar-text' },
        el('span', { lang: row.lang, text: row.text }),
        marked ? el('span', { class: 'right-mark' }, el('span', { 'aria-hidden': 'true', text: '✓ ' }), t('rightOption')) : null),
      el('span', { class: 'bar-measure' }, bar,
        el('span', { class: 'bar-number', text: t('countShare', number(row.count, 0), share) })));
    })));
}

setUpChrome('statsPageTitle', () => {
  if (view.quizzes && adminToken()) {
    showPage();
  } else {
    showTokenForm({ focus: false });
  }
});
begin().catch(showFailure);

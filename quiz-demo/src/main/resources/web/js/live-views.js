// What the host's page and the players' pages of a live quiz both show: the countdown of a question, how everyone
// answered, the top five and the podium.

import { serverNow } from './api.js';
import { announce, el } from './dom.js';
import { t } from './i18n.js';
import { words } from './live-stacked.js';

const URGENT_SECONDS = 5;
const SPOKEN_AT_SECONDS = 10;
/** The typed answers a chart shows at most, the most common first; the rest are one bar, "Other answers". */
const COMMON_SHOWN = 4;

/**
 * Counts down to `until` (an ISO instant on the server's clock) in whole seconds in `display` (as `format` says
 * them, or as `show(left)` shows them), and calls `onEnd` once when it is reached. With `speak`, says once when 10
 * seconds are left; with `urgent`, turns red for the last 5. Returns a function that stops it.
 */
export function countdown(until, display, onEnd, {
  speak = false, urgent = true, format = String, show = (left) => { display.textContent = format(left); },
} = {}) {
  const end = Date.parse(until);
  let spoken = Math.ceil((end - serverNow()) / 1000) <= SPOKEN_AT_SECONDS;
  let timer = null;
  const tick = () => {
    const left = Math.max(0, Math.ceil((end - serverNow()) / 1000));
    show(left);
    display.classList.toggle('urgent', urgent && left <= URGENT_SECONDS);
    if (speak && !spoken && left <= SPOKEN_AT_SECONDS && left > 0) {
      spoken = true;
      announce(t('timeLeftAnnouncement', t('secondsLeft', left)));
    }
    if (left <= 0) {
      clearInterval(timer);
      onEnd();
    }
  };
  timer = setInterval(tick, 200);
  tick();
  return () => clearInterval(timer);
}

/** The texts of a question's options by id, with True and False for a true/false question. */
function labelsOf(type, question) {
  if (type === 'true_false') {
    return { true: t('trueLabel'), false: t('falseLabel') };
  }
  return Object.fromEntries((question?.options ?? []).map((option) => [option.id, option.text]));
}

/** Whether a value of the distribution (an option's id, true or false, a typed answer) is the right answer. */
function isRight(correctAnswer, value) {
  if (!correctAnswer) {
    return false;
  }
  if ('choice' in correctAnswer) {
    return correctAnswer.choice === value;
  }
  if ('choices' in correctAnswer) {
    return correctAnswer.choices.includes(value);
  }
  if ('number' in correctAnswer) {
    return Number(value) === correctAnswer.number;
  }
  if ('text' in correctAnswer) {
    return value.trim().toLowerCase() === String(correctAnswer.text).trim().toLowerCase();
  }
  return 'value' in correctAnswer && String(correctAnswer.value) === value;
}

function share(count, of) {
  return of === 0 ? 0 : Math.round((100 * count) / of);
}

/**
 * A bar of the chart of answers: its label (marked with `textKey`, if any, for a second language to be added to it),
 * said to be the right answer when it is, and how many gave it, in words and as a bar.
 */
function barOf({ value, label, textKey, count, of, right, marked = right, compact }) {
  const percent = share(count, of);
  const labelled = marked ? {
    text: t('markedRight', label), 'data-text': 'markedRight',
    'data-args': JSON.stringify([textKey ? { text: textKey } : label]),
  } : { text: label, 'data-text': textKey };
  return el('li', { class: right ? 'bar right' : 'bar', 'data-value': value },
    el('span', { class: 'bar-label', ...labelled }),
    compact ? el('span', { class: 'bar-count', text: `${count} · ${percent}%` })
      : words('span', { class: 'bar-count' }, 'answerShare', count, percent),
    el('progress', { max: 100, value: percent, 'aria-hidden': 'true' }));
}

/**
 * The most common typed answers a chart shows: the first few, and the right one if it is further down, then one bar
 * for all the other answers.
 */
function commonShown(common, of, correctAnswer) {
  const shown = common.filter((each, index) => index < COMMON_SHOWN || isRight(correctAnswer, each.value));
  const others = of - shown.reduce((sum, each) => sum + each.count, 0);
  return { shown, others };
}

/** The bars of a question: per option; per typed answer, grouped; or, for an order or pairs, fully right or not. */
function barsOf(results, question, compact) {
  const { distribution, correctAnswer, type } = results;
  const of = distribution.answered;
  const bar = (each) => barOf({ ...each, compact });
  if (distribution.choices.length > 0) {
    const labels = labelsOf(type, question);
    return ['howEveryoneAnswered', distribution.choices.map(({ value, count }) => bar({
      value, label: labels[value] ?? value, textKey: type === 'true_false' ? value : `options:${value}`, count, of,
      right: isRight(correctAnswer, value),
    }))];
  }
  if (distribution.common.length > 0) {
    const { shown, others } = commonShown(distribution.common, of, correctAnswer);
    return ['commonAnswers', [
      ...shown.map(({ value, count }) => bar({ value, label: value, count, of, right: isRight(correctAnswer, value) })),
      others > 0 ? bar({ value: 'others', label: t('otherAnswers'), textKey: 'otherAnswers', count: others, of }) : null,
    ]];
  }
  if (typeof distribution.correct === 'number' && of > 0) {
    return ['howEveryoneAnswered', [
      bar({ value: 'right', label: t('fullyRight'), textKey: 'fullyRight', count: distribution.correct, of, right: true,
        marked: false }),
      bar({ value: 'not-right', label: t('notFullyRight'), textKey: 'notFullyRight', count: of - distribution.correct, of }),
    ]];
  }
  return [null, []];
}

/**
 * How everyone answered a closed question: how many answered (and how many right), then a bar chart: a bar per
 * option (true and false too) with the right ones marked, the most common typed answers, or for an order and pairs
 * how many got them fully right. With `compact`, as on a big screen, each bar's count is in figures only, "2 · 67%".
 */
export function distributionView(results, question, { compact = false } = {}) {
  const { distribution } = results;
  const counted = distribution.correct !== null && distribution.correct !== undefined;
  const [titleKey, bars] = barsOf(results, question, compact);
  return el('div', { class: 'distribution', 'data-type': results.type },
    counted
      ? words('p', { class: 'answered-count' }, 'answeredRightCount', distribution.answered, distribution.players,
        distribution.correct)
      : words('p', { class: 'answered-count' }, 'answeredCount', distribution.answered, distribution.players),
    bars.length > 0 ? [
      words('h3', { id: 'distribution-title' }, titleKey),
      el('ul', { class: 'bars', 'aria-labelledby': 'distribution-title' }, bars)] : null);
}

/**
 * Ranked players `[{rank, playerId, name, score}]` as a table, the row of `myPlayerId` marked. Its caption is the
 * page's words `caption`: a key, or a key and its arguments.
 */
export function rankingTable(entries, caption, myPlayerId, id) {
  const headers = ['rankHeader', 'nameHeader', 'scoreHeader'];
  return el('table', { class: 'leaderboard ranking', id },
    words('caption', {}, ...[caption].flat()),
    el('thead', {}, el('tr', {}, headers.map((key) => words('th', { scope: 'col' }, key)))),
    el('tbody', {}, entries.map((entry) => {
      const mine = myPlayerId !== undefined && entry.playerId === myPlayerId;
      return el('tr', { class: mine ? 'me' : null, 'aria-current': mine ? 'true' : null },
        el('td', { class: 'rank', text: String(entry.rank) }),
        el('th', { scope: 'row', class: 'name' },
          el('span', { text: entry.name }),
          mine ? el('span', { class: 'you', text: ` ${t('you')}` }) : null),
        el('td', { class: 'score', text: String(entry.score) }));
    })));
}

/** The podium: the players of ranks 1 to 3 (ties share a place), first first. */
export function podiumView(podium, myPlayerId) {
  if (podium.length === 0) {
    return words('p', { class: 'empty' }, 'noPlayersYet');
  }
  return el('ol', { class: 'podium', 'aria-label': t('podiumTitle') }, podium.map((entry) => {
    const mine = myPlayerId !== undefined && entry.playerId === myPlayerId;
    return el('li', { class: `place place-${Math.min(entry.rank, 4)}${mine ? ' me' : ''}` },
      words('span', { class: 'place-rank' }, 'place', entry.rank),
      el('span', { class: 'place-name' },
        el('span', { text: entry.name }),
        mine ? el('span', { class: 'you', text: ` ${t('you')}` }) : null),
      words('span', { class: 'place-score' }, 'points', entry.score));
  }));
}

/** A code of six digits as people read it: "123 456". */
export function spacedCode(code) {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/** Shows "Reconnecting…" in `banner` when the connection stays lost for more than a moment. */
export function connectionBanner(banner) {
  let timer = null;
  return (connected) => {
    clearTimeout(timer);
    if (connected) {
      banner.hidden = true;
      banner.textContent = '';
    } else {
      timer = setTimeout(() => {
        banner.textContent = t('reconnecting');
        banner.hidden = false;
      }, 1500);
    }
  };
}

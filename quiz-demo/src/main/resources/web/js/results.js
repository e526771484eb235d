// The result of an attempt: score, rank, the leaderboard with this player's row, and a review when allowed.

import { call } from './api.js';
import { recall } from './asked.js';
import { el, routeLink } from './dom.js';
import { clock, t } from './i18n.js';
import { fetchStandings, standingsView } from './leaderboard.js';
import { callAsPlayer } from './player.js';
import { answerInWords } from './questions.js';

/** The results route. Finishing is idempotent, so this finishes the attempt or reads its result again. */
export async function showResults(view, quizId, attemptId) {
  view.loading();
  const [quiz, result] = await Promise.all([
    call('GET', `/api/v1/quizzes/${encodeURIComponent(quizId)}`),
    callAsPlayer('POST', `/api/v1/attempts/${encodeURIComponent(attemptId)}/finish`),
  ]);
  const standings = await fetchStandings(quizId, 'all');
  const timeUp = quiz.timeLimitMs != null && result.durationMs >= quiz.timeLimitMs;
  view.show(el('section', { class: 'results', 'aria-labelledby': 'result-title' },
    el('h1', { id: 'result-title', tabindex: -1, text: t('resultTitle') }),
    el('p', { class: 'quiz-name', lang: quiz.language, text: quiz.title }),
    timeUp ? el('p', { class: 'notice', text: t('timeUp') }) : null,
    el('p', { id: 'score', class: 'total', text: t('score', result.score, result.maxScore) }),
    el('ul', { class: 'facts' },
      el('li', { text: t('correctCount', result.correct, result.questionCount) }),
      el('li', { text: t('rank', result.rank) }),
      el('li', { text: t('duration', clock(result.durationMs / 1000)) })),
    el('div', { class: 'actions' },
      routeLink(['play', quizId], { class: 'button primary' }, t('playAgain')),
      el('a', { class: 'button', href: '#/', text: t('allQuizzes') })),
    el('h2', { text: t('leaderboard') }),
    standingsView(standings),
    result.review.length > 0 ? review(result.review, recall(attemptId), quiz.language) : null));
}

/** right, wrong, unanswered, or recorded: a poll's vote, or an answer whose correctness the quiz hides. */
function outcomeOf(item) {
  if (!item.answer) {
    return 'unanswered';
  }
  if (item.correct === true) {
    return 'correct';
  }
  return item.correct === false ? 'wrong' : 'recorded';
}

const VERDICTS = { correct: 'correct', wrong: 'wrong', unanswered: 'noAnswer', recorded: 'recorded' };

function verdictOf(item, outcome) {
  const points = item.maxPoints > 0 && typeof item.points === 'number' ? ` (${item.points} / ${item.maxPoints})` : '';
  return `${t(VERDICTS[outcome])}${points}`;
}

/**
 * Each question with the player's answer and the right one in words, as far as the texts the attempt showed
 * are remembered (`asked`, by question id) and the quiz's review policy gives them.
 */
function review(items, asked, language) {
  return el('details', { class: 'review' },
    el('summary', { text: t('review') }),
    el('ol', { lang: language }, items.map((item) => {
      const outcome = outcomeOf(item);
      const question = { ...asked[item.questionId], type: item.type };
      return el('li', { class: outcome, 'data-question-id': item.questionId },
        el('p', { class: 'review-question', text: item.text }),
        el('p', { class: 'verdict', text: verdictOf(item, outcome) }),
        answerInWords(question, item.answer, 'yours'),
        outcome === 'wrong' ? answerInWords(question, item.correctAnswer, 'right') : null,
        item.feedback ? el('p', { text: item.feedback }) : null,
        item.explanation ? el('p', { class: 'explanation', text: item.explanation }) : null,
        item.source ? el('p', { class: 'source', text: t('source', item.source) }) : null);
    })));
}

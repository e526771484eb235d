// The home route: the published quizzes, each with a way to play it and to see its leaderboard.

import { call } from './api.js';
import { el, routeLink } from './dom.js';
import { t } from './i18n.js';

export async function showQuizList(view) {
  view.loading();
  const page = await call('GET', '/api/v1/quizzes', { query: { limit: 100 } });
  view.show(el('section', { class: 'quizzes', 'aria-labelledby': 'quizzes-title' },
    el('h1', { id: 'quizzes-title', tabindex: -1, text: t('quizzesTitle') }),
    el('p', { class: 'intro', text: t('quizzesIntro') }),
    page.items.length > 0
      ? el('ul', { class: 'cards' }, page.items.map(card))
      : el('p', { class: 'empty', text: t('noQuizzes') })));
}

function card(quiz) {
  const titleId = `quiz-${quiz.id}`;
  const facts = [t('questionCount', quiz.questionCount)];
  if (quiz.timeLimitMs) {
    facts.push(t('minutes', Math.round(quiz.timeLimitMs / 60000)));
  }
  return el('li', { class: 'card', 'data-quiz-id': quiz.id },
    el('h2', { id: titleId, lang: quiz.language, text: quiz.title }),
    el('p', { lang: quiz.language, text: quiz.description }),
    el('p', { class: 'meta', text: facts.join(' · ') }),
    el('div', { class: 'actions' },
      routeLink(['play', quiz.id], { class: 'button primary', 'aria-describedby': titleId }, t('play')),
      routeLink(['leaderboard', quiz.id], { class: 'button', 'aria-describedby': titleId }, t('leaderboard'))));
}

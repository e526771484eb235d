// A big screen in two languages: under each text marked with data-text, the same in the second language, smaller.
// A mark names a text of the open question ("question", "options:<id>", "left:<id>", "right:<id>", "explanation"),
// true or false, or one of the page's own words (a key of i18n.js).

import { el } from './dom.js';
import { tIn } from './i18n.js';

const BOOLEANS = { true: 'trueLabel', false: 'falseLabel' };

/** The texts of the question and results in a state read in the second language: `{questionId, texts}` by marks. */
export function secondLanguageTexts(state) {
  const texts = new Map();
  const question = state.question?.question;
  if (question) {
    texts.set('question', question.text);
    ['options', 'left', 'right'].forEach((group) => (question[group] ?? [])
      .forEach((choice) => texts.set(`${group}:${choice.id}`, choice.text)));
  }
  if (state.results?.explanation && state.results.questionId === question?.id) {
    texts.set('explanation', state.results.explanation);
  }
  return { questionId: question?.id ?? null, texts };
}

/**
 * Adds, under each marked text in `root` that has none yet, its text in `lang`: the quiz's texts from `quizTexts`
 * (of secondLanguageTexts) when they are of the question shown, the page's own words from i18n.js.
 */
export function stackSecondLanguage(root, lang, quizTexts = { questionId: null, texts: new Map() }) {
  const shown = root.querySelector('#question-text')?.dataset.questionId;
  const same = quizTexts.questionId !== null && quizTexts.questionId === shown;
  root.querySelectorAll('[data-text]').forEach((node) => {
    const mark = node.dataset.text;
    if (node.querySelector(':scope > .second-language')) {
      return;
    }
    const text = (same ? quizTexts.texts.get(mark) : undefined)
      ?? (mark in BOOLEANS ? tIn(lang, BOOLEANS[mark]) : ownWords(lang, mark));
    if (typeof text === 'string' && text !== '') {
      node.append(el('span', { class: 'second-language', lang, text }));
    }
  });
}

function ownWords(lang, mark) {
  if (mark.includes(':') || mark === 'question' || mark === 'explanation') {
    return undefined;
  }
  const words = tIn(lang, mark);
  return typeof words === 'string' ? words : undefined;
}

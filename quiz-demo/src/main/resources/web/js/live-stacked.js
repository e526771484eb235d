// A big screen in two languages: under each text marked with data-text, the same in the second language, smaller.
// A mark names the quiz's title ("title"), a text of the open question ("question", "options:<id>", "left:<id>",
// "right:<id>", "explanation"), true or false, or one of the page's own words (a key of i18n.js). Own words that take arguments have them in
// data-args, a JSON array: a number or string as it is, or {"text": mark} for a text of the question or true or
// false, as "Right answer: …" of a choice, or a pair of a matching question.

import { el } from './dom.js';
import { t, tIn, takesArguments } from './i18n.js';

const BOOLEANS = { true: 'trueLabel', false: 'falseLabel' };
const QUIZ_TEXTS = /^(title|question|explanation|(options|left|right):.*)$/;

/**
 * The texts of the question and results in a state read in the second language, and the title of the quiz read in
 * it (or null): `{questionId, texts, title}`, the texts by marks.
 */
export function secondLanguageTexts(state, quiz = null) {
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
  return { questionId: question?.id ?? null, texts, title: quiz?.title ?? null };
}

/**
 * Adds, under each marked text in `root` that has none yet, its text in `lang`: the quiz's texts from `quizTexts`
 * (of secondLanguageTexts) when they are of the question shown, the page's own words from i18n.js. The root keeps
 * the language, so that a text shown later in it (a countdown, a count) can be stacked too, by `showWords`.
 */
export function stackSecondLanguage(root, lang, quizTexts = { questionId: null, texts: new Map(), title: null }) {
  const shown = root.querySelector('#question-text')?.dataset.questionId;
  const same = quizTexts.questionId !== null && quizTexts.questionId === shown;
  const texts = new Map(same ? quizTexts.texts : []);
  if (quizTexts.title) {
    texts.set('title', quizTexts.title);
  }
  root.dataset.secondLanguage = lang;
  root.querySelectorAll('[data-text]').forEach((node) => stackOne(node, lang, texts));
}

/**
 * Shows the page's words `key` (of i18n.js, with `args`) in `node`, marked; in a screen that shows two languages,
 * with the second under them.
 */
export function showWords(node, key, ...args) {
  node.textContent = t(key, ...args);
  node.dataset.text = key;
  if (args.length > 0) {
    node.dataset.args = JSON.stringify(args);
  }
  const lang = node.closest('[data-second-language]')?.dataset.secondLanguage;
  if (lang) {
    stackOne(node, lang, new Map());
  }
  return node;
}

/** An element showing the page's words `key` with `args`, marked for a second language. */
export function words(tag, attributes, key, ...args) {
  return showWords(el(tag, attributes), key, ...args);
}

function stackOne(node, lang, texts) {
  if (node.querySelector(':scope > .second-language')) {
    return;
  }
  const args = node.dataset.args ? JSON.parse(node.dataset.args) : [];
  const text = textOf(lang, texts, node.dataset.text, args);
  if (typeof text === 'string' && text !== '') {
    node.append(el('span', { class: 'second-language', lang, text }));
  }
}

/** The text of a mark in `lang`, or undefined while a text it needs is not known yet. */
function textOf(lang, texts, mark, args = []) {
  if (texts.has(mark)) {
    return texts.get(mark);
  }
  if (Object.hasOwn(BOOLEANS, mark)) {
    return tIn(lang, BOOLEANS[mark]);
  }
  if (QUIZ_TEXTS.test(mark) || (args.length === 0 && takesArguments(mark))) {
    return undefined;
  }
  const values = args.map((arg) => (typeof arg === 'object' && arg !== null ? textOf(lang, texts, arg.text) : arg));
  if (values.includes(undefined)) {
    return undefined;
  }
  const text = tIn(lang, mark, ...values);
  return typeof text === 'string' ? text : undefined;
}

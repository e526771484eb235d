// How each question type is shown and answered: one small renderer per type the server serves.
//
// render(question, {submit, labelledBy}) builds the controls; they call submit(answer) with the answer body of
// the REST API. describe(question, answer) says an answer body in words, for "Right answer: …": a string, or a
// list of strings for answers made of several parts (an order, pairs, several choices), or null when the texts
// it needs are unknown. A renderer may also have afterAnswer(question, result, answer), more to show with the
// feedback (a poll's votes).

import { el } from './dom.js';
import { t } from './i18n.js';

/** The texts of the listed ids, in that order; null if any of them is unknown. */
function textsOf(choices = [], ids) {
  const texts = ids.map((id) => choices.find((choice) => choice.id === id)?.text);
  return texts.every((text) => typeof text === 'string') ? texts : null;
}

/**
 * A form with the given controls, a place for a refusal and a submit button. `read()` returns the answer body,
 * or a problem `{message, focus}` to show instead of submitting it.
 */
function answerForm(controls, read, submit, { hint } = {}) {
  const error = el('p', { id: 'answer-error', class: 'error', role: 'alert' });
  const form = el('form', { class: 'answer-form', novalidate: true },
    hint ? el('p', { id: 'answer-hint', class: 'hint', text: hint }) : null,
    controls,
    error,
    el('button', { type: 'submit', class: 'primary', text: t('submitAnswer') }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const outcome = read();
    if (outcome.problem) {
      error.textContent = outcome.problem.message;
      outcome.problem.focus?.focus();
      return;
    }
    error.textContent = '';
    submit(outcome.answer);
  });
  return form;
}

/** A group of radio buttons or check boxes, one per option, labelled by the question. */
function optionGroup(question, type, labelledBy, describedBy) {
  return el('fieldset', { 'aria-labelledby': labelledBy, 'aria-describedby': describedBy },
    question.options.map((option) => el('label', { class: 'option' },
      el('input', { type, name: 'choice', value: option.id }),
      el('span', { text: option.text }))));
}

function chosenOne(form) {
  const chosen = form.querySelector('input[name="choice"]:checked');
  return chosen
    ? { answer: { choice: chosen.value } }
    : { problem: { message: t('chooseFirst'), focus: form.querySelector('input[name="choice"]') } };
}

const singleChoice = {
  render(question, { submit, labelledBy }) {
    const group = optionGroup(question, 'radio', labelledBy);
    const form = answerForm(group, () => chosenOne(form), submit);
    return form;
  },
  describe(question, answer) {
    return textsOf(question.options, [answer.choice])?.[0] ?? null;
  },
};

const multipleResponse = {
  render(question, { submit, labelledBy }) {
    const group = optionGroup(question, 'checkbox', labelledBy, 'answer-hint');
    const form = answerForm(group, () => {
      const choices = [...form.querySelectorAll('input[name="choice"]:checked')].map((box) => box.value);
      return choices.length > 0
        ? { answer: { choices } }
        : { problem: { message: t('chooseAtLeastOne'), focus: form.querySelector('input[name="choice"]') } };
    }, submit, { hint: t('chooseAllThatApply') });
    return form;
  },
  describe(question, answer) {
    const options = question.options ?? [];
    const ids = options.map((option) => option.id).filter((id) => answer.choices.includes(id));
    return ids.length === answer.choices.length ? textsOf(options, ids) : null;
  },
};

const trueFalse = {
  render(question, { submit, labelledBy }) {
    const button = (value) => el('button', {
      type: 'button',
      class: 'choice',
      'data-value': String(value),
      text: trueFalse.describe(question, { value }),
      onclick: (event) => {
        event.currentTarget.classList.add('chosen');
        submit({ value });
      },
    });
    return el('div', { class: 'true-false', role: 'group', 'aria-labelledby': labelledBy },
      button(true), button(false));
  },
  describe(question, answer) {
    return answer.value ? t('trueLabel') : t('falseLabel');
  },
};

/** A labelled text box; `check(value)` returns the answer body or a message. */
function textEntry(labelledBy, { id, label, attributes, check }, submit) {
  const input = el('input', {
    id, type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${labelledBy} answer-error`,
    ...attributes,
  });
  const field = el('div', { class: 'text-field' }, el('label', { for: id, text: label }), input);
  return answerForm(field, () => {
    const outcome = check(input.value);
    input.setAttribute('aria-invalid', String(Boolean(outcome.message)));
    return outcome.message ? { problem: { message: outcome.message, focus: input } } : { answer: outcome.answer };
  }, submit);
}

const shortText = {
  render(question, { submit, labelledBy }) {
    return textEntry(labelledBy, {
      id: 'text-answer',
      label: t('yourTextAnswer'),
      attributes: { maxlength: 500, autocapitalize: 'off', autocorrect: 'off' },
      check: (value) => (value.trim() === '' ? { message: t('typeFirst') } : { answer: { text: value } }),
    }, submit);
  },
  describe(question, answer) {
    return answer.text;
  },
};

const DEVANAGARI_ZERO = 0x0966;

/**
 * The number a person typed, or null: digits in Latin or Devanagari script, an optional sign, a decimal point,
 * and commas that group digits (1,930 or 6,83,000).
 */
export function parseNumber(typed) {
  const latin = typed.normalize('NFKC').trim()
    .replace(/[\u0966-\u096F]/g, (digit) => String(digit.charCodeAt(0) - DEVANAGARI_ZERO))
    .replace(/\u2212/g, '-');
  const grouped = /^[+-]?\d{1,3}(,\d{2,3})+(\.\d+)?$/.test(latin);
  const plain = grouped ? latin.replace(/,/g, '') : latin;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) {
    return null;
  }
  const number = Number(plain);
  return Number.isFinite(number) ? number : null;
}

const numeric = {
  render(question, { submit, labelledBy }) {
    return textEntry(labelledBy, {
      id: 'number-answer',
      label: t('yourNumberAnswer'),
      attributes: { inputmode: 'decimal', class: 'number' },
      check: (value) => {
        if (value.trim() === '') {
          return { message: t('typeNumberFirst') };
        }
        const number = parseNumber(value);
        return number === null ? { message: t('notANumber', value.trim()) } : { answer: { number } };
      },
    }, submit);
  },
  describe(question, answer) {
    return String(answer.number);
  },
};

const ordering = {
  render(question, { submit, labelledBy }) {
    const status = el('p', { id: 'order-status', class: 'visually-hidden', 'aria-live': 'polite' });
    const list = el('ol', { class: 'order-list', 'aria-labelledby': labelledBy, 'aria-describedby': 'answer-hint' });
    const count = question.options.length;
    const item = (option) => {
      const moveButton = (direction) => el('button', {
        type: 'button',
        class: `move move-${direction}`,
        'data-direction': direction,
        'aria-label': t(direction === 'up' ? 'moveUpLabel' : 'moveDownLabel', option.text),
        onclick: (event) => move(event.currentTarget.closest('li'), direction, event.currentTarget),
      }, el('span', { class: 'arrow', 'aria-hidden': 'true', text: direction === 'up' ? '↑' : '↓' }),
      el('span', { text: t(direction === 'up' ? 'moveUp' : 'moveDown') }));
      return el('li', { class: 'order-item', 'data-id': option.id },
        el('span', { class: 'order-text', text: option.text }),
        el('span', { class: 'order-buttons' }, moveButton('up'), moveButton('down')));
    };
    const refresh = () => {
      [...list.children].forEach((li, index) => {
        li.querySelector('.move-up').setAttribute('aria-disabled', String(index === 0));
        li.querySelector('.move-down').setAttribute('aria-disabled', String(index === count - 1));
      });
    };
    // The neighbour moves, not the item: the focused button stays in the document and keeps the focus.
    const move = (li, direction, button) => {
      const text = li.querySelector('.order-text').textContent;
      const neighbour = direction === 'up' ? li.previousElementSibling : li.nextElementSibling;
      if (!neighbour) {
        status.textContent = t(direction === 'up' ? 'alreadyFirst' : 'alreadyLast', text);
        return;
      }
      list.insertBefore(neighbour, direction === 'up' ? li.nextElementSibling : li);
      refresh();
      button.focus();
      status.textContent = t('movedTo', text, [...list.children].indexOf(li) + 1, count);
    };
    list.append(...question.options.map(item));
    refresh();
    return answerForm([list, status], () => ({
      answer: { order: [...list.children].map((li) => li.dataset.id) },
    }), submit, { hint: t('orderHint') });
  },
  describe(question, answer) {
    return textsOf(question.options, answer.order);
  },
};

const matching = {
  render(question, { submit, labelledBy }) {
    const selects = question.left.map((left, index) => el('select', {
      id: `match-${index}`, 'data-left-id': left.id, 'aria-describedby': 'answer-error',
    },
    el('option', { value: '', text: t('chooseMatch') }),
    question.right.map((right) => el('option', { value: right.id, text: right.text }))));
    const rows = question.left.map((left, index) => el('div', { class: 'match' },
      el('label', { for: selects[index].id, text: left.text }), selects[index]));
    return answerForm(el('fieldset', { class: 'matches', 'aria-labelledby': labelledBy, 'aria-describedby': 'answer-hint' }, rows),
      () => {
        const missing = selects.filter((select) => select.value === '');
        selects.forEach((select) => select.setAttribute('aria-invalid', String(missing.includes(select))));
        if (missing.length > 0) {
          return { problem: { message: t('matchEvery'), focus: missing[0] } };
        }
        return { answer: { pairs: Object.fromEntries(selects.map((select) => [select.dataset.leftId, select.value])) } };
      }, submit, { hint: t('matchHint') });
  },
  describe(question, answer) {
    const lefts = (question.left ?? []).filter((left) => left.id in answer.pairs);
    if (lefts.length !== Object.keys(answer.pairs).length) {
      return null;
    }
    const rights = textsOf(question.right, lefts.map((left) => answer.pairs[left.id]));
    return rights && lefts.map((left, index) => t('pair', left.text, rights[index]));
  },
};

/** How everyone voted in a poll: a bar per option, with its count and share in words. */
function votesView(question, votes, chosen) {
  const total = Object.values(votes).reduce((sum, count) => sum + count, 0);
  return el('div', { class: 'votes' },
    el('p', { id: 'votes-title', class: 'votes-title', text: t('votesTitle', total) }),
    el('ul', { 'aria-labelledby': 'votes-title' }, question.options.map((option) => {
      const count = votes[option.id] ?? 0;
      const percent = total === 0 ? 0 : Math.round((100 * count) / total);
      const mine = option.id === chosen;
      return el('li', { class: mine ? 'vote mine' : 'vote', 'data-option-id': option.id },
        el('span', { class: 'vote-option' },
          el('span', { text: option.text }),
          mine ? el('span', { class: 'your-vote', text: ` ${t('yourVote')}` }) : null),
        el('span', { class: 'vote-count', text: t('voteCount', count, percent) }),
        el('progress', { max: 100, value: percent, 'aria-hidden': 'true' }));
    })));
}

const poll = {
  render(question, { submit, labelledBy }) {
    const group = optionGroup(question, 'radio', labelledBy, 'answer-hint');
    const form = answerForm(group, () => chosenOne(form), submit, { hint: t('pollHint') });
    return form;
  },
  describe: singleChoice.describe,
  afterAnswer(question, result, answer) {
    return result.votes ? votesView(question, result.votes, answer.choice) : null;
  },
};

export const renderers = {
  single_choice: singleChoice,
  multiple_response: multipleResponse,
  true_false: trueFalse,
  short_text: shortText,
  numeric: numeric,
  ordering: ordering,
  matching: matching,
  poll: poll,
};

/**
 * What an answer's words are made of, for a big screen that stacks a second language under them (live-stacked.js):
 * the mark of each text, in the order describe() says them, or of the one text. A matching question's pairs are the
 * page's words `pair` of two marks. Numbers and typed answers read the same in both languages: null.
 */
function wordMarks(question, answer) {
  switch (question.type) {
    case 'single_choice':
    case 'poll':
      return { text: `options:${answer.choice}` };
    case 'true_false':
      return { text: String(Boolean(answer.value)) };
    case 'multiple_response':
      return (question.options ?? []).filter((option) => answer.choices.includes(option.id))
        .map((option) => ({ text: `options:${option.id}` }));
    case 'ordering':
      return answer.order.map((id) => ({ text: `options:${id}` }));
    case 'matching':
      return (question.left ?? []).filter((left) => left.id in answer.pairs).map((left) => ({
        key: 'pair', args: [{ text: `left:${left.id}` }, { text: `right:${answer.pairs[left.id]}` }],
      }));
    default:
      return null;
  }
}

/** The data-text and data-args of a text made of the page's words `key` and marks or words `args`. */
function marked(key, args) {
  return { 'data-text': key, 'data-args': args ? JSON.stringify(args) : null };
}

/**
 * An answer in words, as "Right answer: …" (`which` = 'right') or "Your answer: …" ('yours'): one line, or a
 * line and a list for an answer of several parts (numbered for an order). Null when it cannot be said in words.
 * With `marks`, its texts are marked for a second language to be stacked under them.
 */
export function answerInWords(question, answer, which, { marks = false } = {}) {
  const words = answer ? renderers[question.type]?.describe(question, answer) : null;
  if (words === null || words === undefined) {
    return null;
  }
  const right = which === 'right';
  const className = right ? 'right-answer' : 'your-answer';
  const parts = marks ? wordMarks(question, answer) : null;
  if (!Array.isArray(words)) {
    const key = right ? 'rightAnswer' : 'yourAnswer';
    return el('p', { class: className, text: t(key, words), ...(marks ? marked(key, [parts ?? words]) : {}) });
  }
  const key = right ? 'rightAnswerList' : 'yourAnswerList';
  return el('div', { class: className },
    el('p', { text: t(key), ...(marks ? marked(key) : {}) }),
    el(question.type === 'ordering' ? 'ol' : 'ul', {}, words.map((word, index) => {
      const part = parts?.[index];
      const mark = part?.key ? marked(part.key, part.args) : part ? marked(part.text) : {};
      return el('li', { text: word, ...mark });
    })));
}

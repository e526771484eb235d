// How each question type is shown and answered: one small renderer per type the server serves.
//
// render(question, {submit, labelledBy}) builds the controls; they call submit(answer) with the answer body of
// the REST API. describe(question, answer) says an answer body in words, for "Right answer: …".

import { el } from './dom.js';
import { t } from './i18n.js';

const singleChoice = {
  render(question, { submit, labelledBy }) {
    const error = el('p', { class: 'error', role: 'alert' });
    const options = question.options.map((option) =>
      el('label', { class: 'option' },
        el('input', { type: 'radio', name: 'choice', value: option.id }),
        el('span', { text: option.text })));
    const form = el('form', { class: 'answer-form', novalidate: true },
      el('fieldset', { 'aria-labelledby': labelledBy }, options),
      error,
      el('button', { type: 'submit', class: 'primary', text: t('submitAnswer') }));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector('input[name="choice"]:checked');
      if (!chosen) {
        error.textContent = t('chooseFirst');
        form.querySelector('input[name="choice"]').focus();
        return;
      }
      error.textContent = '';
      submit({ choice: chosen.value });
    });
    return form;
  },
  describe(question, answer) {
    return question.options.find((option) => option.id === answer.choice)?.text ?? answer.choice;
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

export const renderers = {
  single_choice: singleChoice,
  true_false: trueFalse,
};

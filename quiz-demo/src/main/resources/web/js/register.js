// Asking for a display name, once: the token the API returns is kept by player.js.

import { ApiError } from './api.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { register } from './player.js';

/** Shows the name form and resolves with the registered player. */
export function askForName(view) {
  return new Promise((resolve) => {
    const input = el('input', {
      id: 'name', name: 'name', type: 'text', autocomplete: 'nickname', required: true,
      'aria-describedby': 'name-hint name-error',
    });
    const error = el('p', { id: 'name-error', class: 'error', role: 'alert' });
    const button = el('button', { type: 'submit', class: 'primary', text: t('continue') });
    const form = el('form', { class: 'register', novalidate: true },
      el('label', { for: 'name', text: t('nameLabel') }),
      el('p', { id: 'name-hint', class: 'hint', text: t('nameHint') }),
      input, error, button);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      button.disabled = true;
      try {
        resolve(await register(input.value));
      } catch (failure) {
        const refused = failure instanceof ApiError && failure.status === 422;
        error.textContent = refused ? t('nameRefused', input.value) : t('failed');
        input.setAttribute('aria-invalid', String(refused));
        input.focus();
      } finally {
        button.disabled = false;
      }
    });
    view.show(el('section', { class: 'panel', 'aria-labelledby': 'register-title' },
      el('h1', { id: 'register-title', tabindex: -1, text: t('registerTitle') }),
      form), input);
  });
}

// The chrome of the live pages: the header's words and language switch, the page title and the skip link.

import { LANGUAGES, language, setLanguage, t } from './i18n.js';

/**
 * Takes the language from `?lang=` in the address when it names one of the page's (a host's QR code says the
 * session's language), then says the chrome in the page's language and keeps it so when the switch is used:
 * `onLanguageChange` runs after each switch. Returns the function that says the chrome again.
 */
export function setUpChrome(titleKey, onLanguageChange) {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (LANGUAGES.includes(asked) && asked !== language()) {
    setLanguage(asked);
  }
  const update = () => {
    document.documentElement.lang = language();
    document.title = t(titleKey);
    document.querySelectorAll('[data-i18n]').forEach((node) => {
      node.textContent = t(node.dataset.i18n);
    });
    document.querySelectorAll('[data-i18n-label]').forEach((node) => {
      node.setAttribute('aria-label', t(node.dataset.i18nLabel));
    });
    document.querySelectorAll('[data-lang]').forEach((button) => {
      button.setAttribute('aria-pressed', String(button.dataset.lang === language()));
    });
  };
  document.querySelectorAll('[data-lang]').forEach((button) => {
    button.addEventListener('click', () => {
      if (button.dataset.lang !== language()) {
        setLanguage(button.dataset.lang);
        update();
        onLanguageChange();
      }
    });
  });
  const main = document.getElementById('main');
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  update();
  return update;
}

/** Shows a screen in the page's main region and moves the focus to its heading (or `focusTarget`) if asked. */
export function showScreen(content, { focus = true, focusTarget = content.querySelector('h1, h2') } = {}) {
  document.getElementById('main').replaceChildren(content);
  if (focus && focusTarget) {
    focusTarget.focus();
  }
}

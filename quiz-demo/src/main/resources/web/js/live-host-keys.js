// The host's keyboard shortcuts, for a keyboard or a presenter's remote at the front of the hall: N moves on (starts
// the quiz, opens the next question, shows the final results), C closes the open question now, F shows the page
// full screen. They work on whichever of these buttons the screen has; never while typing in a field.

import { el } from './dom.js';
import { t } from './i18n.js';

/** The buttons each key presses: the first one on the screen that is enabled. */
const BUTTONS = { KeyN: ['start', 'next'], KeyC: ['close-now'] };
const CODES = { n: 'KeyN', c: 'KeyC', f: 'KeyF' };

/** The key that presses a host's button, for its aria-keyshortcuts; undefined for a button without one. */
export function shortcutOf(buttonId) {
  const code = Object.keys(BUTTONS).find((each) => BUTTONS[each].includes(buttonId));
  return code?.slice(-1);
}

export function listenForShortcuts() {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat
        || event.target.closest?.('input, select, textarea, [contenteditable]')) {
      return;
    }
    const code = CODES[event.key?.toLowerCase()] ?? event.code;
    if (code === 'KeyF') {
      event.preventDefault();
      toggleFullScreen();
      return;
    }
    const button = (BUTTONS[code] ?? []).map((id) => document.getElementById(id)).find((each) => each && !each.disabled);
    if (button) {
      event.preventDefault();
      button.click();
    }
  });
}

function toggleFullScreen() {
  if (document.fullscreenElement) {
    document.exitFullscreen?.().catch(() => {});
  } else {
    document.documentElement.requestFullscreen?.().catch(() => {});
  }
}

/** The line that tells the keys of a screen: `keys` is `[[key, what it does], …]`; F (full screen) always comes last. */
export function shortcutsLine(keys) {
  const all = [...keys, ['F', t('fullScreen')]];
  return el('p', { class: 'shortcuts', id: 'shortcuts' },
    el('span', { class: 'shortcuts-title', text: `${t('keysTitle')}: ` }),
    all.map(([key, what], index) => el('span', { class: 'shortcut' },
      index > 0 ? ' · ' : null, el('kbd', { text: key }), ` ${what}`)));
}

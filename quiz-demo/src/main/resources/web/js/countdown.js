// The visible countdown to an attempt's deadline, with spoken reminders at a few moments, not every second.

import { serverNow } from './api.js';
import { announce } from './dom.js';
import { clock, t } from './i18n.js';

const REMINDERS_AT_SECONDS = [300, 120, 60, 30, 10];
const URGENT_BELOW_SECONDS = 60;

function spoken(seconds) {
  return seconds >= 60 ? t('minutesLeft', seconds / 60) : t('secondsLeft', seconds);
}

/**
 * Shows the time left until `deadline` (an ISO instant) in `display`, updating it a few times a second, and
 * calls `onExpire` once when it runs out. Returns a function that stops it.
 */
export function startCountdown(deadline, display, onExpire) {
  const end = Date.parse(deadline);
  const secondsLeft = () => Math.ceil((end - serverNow()) / 1000);
  const reminded = new Set(REMINDERS_AT_SECONDS.filter((at) => at >= secondsLeft()));
  let timer = null;
  const tick = () => {
    const left = secondsLeft();
    display.textContent = clock(left);
    display.classList.toggle('urgent', left <= URGENT_BELOW_SECONDS);
    const crossed = REMINDERS_AT_SECONDS.filter((at) => left <= at && !reminded.has(at));
    if (crossed.length > 0 && left > 0) {
      crossed.forEach((at) => reminded.add(at));
      announce(t('timeLeftAnnouncement', spoken(Math.min(...crossed))));
    }
    if (left <= 0) {
      clearInterval(timer);
      onExpire();
    }
  };
  timer = setInterval(tick, 250);
  tick();
  return () => clearInterval(timer);
}

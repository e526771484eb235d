// The player of this browser: a display name and the token the API gave for it, kept in localStorage.

import { ApiError, call } from './api.js';

const STORAGE_KEY = 'kydp.player';

/** The registered player `{id, name, token}`, or null. */
export function currentPlayer() {
  try {
    const player = JSON.parse(localStorage.getItem(STORAGE_KEY));
    return player && typeof player.token === 'string' && typeof player.name === 'string' ? player : null;
  } catch {
    return null;
  }
}

/** Registers a display name; the API refuses a bad one with a 422 ApiError. */
export async function register(name) {
  const created = await call('POST', '/api/v1/players', { body: { name } });
  const player = { id: created.id, name: created.name, token: created.token };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(player));
  document.dispatchEvent(new CustomEvent('kydp:player'));
  return player;
}

function forget() {
  localStorage.removeItem(STORAGE_KEY);
  document.dispatchEvent(new CustomEvent('kydp:player'));
}

/**
 * Calls the API as the current player. When the server refuses the token (401, e.g. after a restart of the
 * demo), registers the same name again and retries once; if even that fails, forgets the player.
 */
export async function callAsPlayer(method, path, options = {}) {
  const player = currentPlayer();
  if (!player) {
    throw new ApiError(401, null);
  }
  try {
    return await call(method, path, { ...options, token: player.token });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) {
      throw error;
    }
  }
  let fresh;
  try {
    fresh = await register(player.name);
  } catch (error) {
    forget();
    throw error;
  }
  return call(method, path, { ...options, token: fresh.token });
}

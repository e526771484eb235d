// The admin token a page of the quiz's owner was given: kept in this tab only (sessionStorage), never in the address.
// The host's page and the statistics page share it, so that a tab asks for it once.

import { load, save } from './stored.js';

const ADMIN_KEY = 'kydp.live.admin';

/** The admin token this tab was given, or null. */
export function adminToken() {
  return load(sessionStorage, ADMIN_KEY);
}

/** Keeps the admin token in this tab; null forgets it. */
export function keepAdminToken(token) {
  save(sessionStorage, ADMIN_KEY, token);
}

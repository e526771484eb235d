// Values this browser keeps as JSON in localStorage (across tabs and restarts) or sessionStorage (this tab only).

/** The value kept under `key`, or null when there is none or it cannot be read. */
export function load(storage, key) {
  try {
    return JSON.parse(storage.getItem(key));
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`; null forgets it. A full or refused storage keeps nothing: the page asks again. */
export function save(storage, key, value) {
  try {
    if (value === null) {
      storage.removeItem(key);
    } else {
      storage.setItem(key, JSON.stringify(value));
    }
  } catch {
    // nothing kept
  }
}

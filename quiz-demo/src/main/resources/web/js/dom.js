// Building the page. Text only ever goes in as text nodes: nothing here parses HTML.

/**
 * Creates an element. `text` sets its text content, `on<event>` functions become listeners, any other
 * attribute is set as given (true for a bare attribute; null, undefined and false leave it out). Children are
 * nodes or strings; strings become text nodes.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      element.textContent = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(...present(children));
  return element;
}

/** Replaces an element's children; null, undefined and false children are left out, as in el(). */
export function fill(element, ...children) {
  element.replaceChildren(...present(children));
  return element;
}

function present(children) {
  return children.flat().filter((child) => child !== null && child !== undefined && child !== false);
}

/** A link to a route of this page, `#/play/emergency-helplines`. */
export function routeLink(parts, attributes, ...children) {
  const href = '#/' + parts.map(encodeURIComponent).join('/');
  return el('a', { ...attributes, href }, ...children);
}

/** Says something to screen readers through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  // A fresh text node after a tick is announced even when it equals the previous message.
  setTimeout(() => {
    region.textContent = message;
  }, 100);
}

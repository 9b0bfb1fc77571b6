// What every view of the portal builds its page with. The DOM is made through h() only, which
// adds strings as text nodes: no markup is ever parsed from data.
import { ApiError } from './api.js';

/** An element with attributes (on* are listeners) and children (strings become text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.substring(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** Shows a page in #main: its heading, then its content. */
export function show(title, ...content) {
  document.title = title + ' · DLCS portal';
  const main = document.getElementById('main');
  main.replaceChildren(h('h1', {}, title), ...content);
  main.focus();
}

/** An error, in the server's own words where it gave them. */
export function problem(error) {
  return h('p', { class: 'error', role: 'alert' }, error instanceof ApiError ? error.message : String(error));
}

/** A read-only field with a URL, and a button that copies it. */
export function copyable(label, value, id, copyLabel = 'Copy ' + label) {
  return h('div', { class: 'copy' }, h('label', { for: id }, label),
    h('input', { type: 'text', readonly: true, value, id }),
    h('button', { type: 'button', class: 'secondary', 'aria-label': copyLabel,
      onclick: () => navigator.clipboard.writeText(value) }, 'Copy'));
}

// A space's images as books: the images that share a string1, with number1 as the page order
// (the built-in named query "book"). A space may hold millions of images, so the books are
// found a few at a time, from the listing ordered by string1: each book costs two small
// requests (the image where it starts, and the count of its pages), whatever its length.
import { call, session, customerPath, serverUrl } from './api.js';
import { h, show, problem, copyable } from './dom.js';

/** Books found per click of "More books". */
const BOOKS_AT_ONCE = 10;
/** Requests at most per click, so that no listing keeps the page busy for long. */
const REQUESTS_AT_ONCE = 4 * BOOKS_AT_ONCE + 40;

/** The URL of a book's manifest, made by the built-in named query "book". */
export function bookManifest(space, name) {
  return serverUrl('iiif-resource/' + session().customer + '/book/' + space + '/' + encodeURIComponent(name));
}

/** The portal's viewer on a manifest, in a tab of its own that does not share this tab's key. */
export function viewerLink(manifest, text, label) {
  return h('a', { href: 'viewer.html?manifest=' + encodeURIComponent(manifest), target: '_blank',
    rel: 'noopener noreferrer', class: 'open-viewer', 'aria-label': label }, text);
}

export async function booksView(signal, space) {
  const list = h('div', { class: 'books', id: 'books' });
  const note = h('div', { id: 'books-note' }, h('p', { class: 'muted' }, 'Loading…'));
  const more = h('button', { type: 'button', id: 'more-books', class: 'secondary', hidden: true }, 'More books');
  show('Books in space ' + space,
    h('p', {}, h('a', { href: '#/spaces/' + space }, '← Space ' + space)),
    h('p', { class: 'muted' }, 'The images that share a string1 are a book, with number1 as the page order.'
      + ' Images without string1 are in no book.'),
    list, note, more);
  const images = customerPath() + '/spaces/' + space + '/images?';
  let offset = 0;
  let shown = 0;
  let requests = 0;

  const get = (params) => {
    requests++;
    return call(images + new URLSearchParams(params), { signal });
  };
  /** The image at a position of the listing ordered by string1, and the listing's length. */
  const at = async (position) => {
    const page = await get({ orderBy: 'string1', pageSize: 1, page: position + 1 });
    return { image: (page.member || [])[0], total: page.totalItems };
  };
  /**
   * The first position after {@code from} whose image is not {@code unnamed}: the images without
   * a string1 are next to each other in this order (first or last, as the database sorts nulls).
   */
  const pastUnnamed = async (from, total, unnamed) => {
    let low = from + 1;
    let high = total;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const { image } = await at(middle);
      if (image && unnamed(image)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  };

  async function load() {
    more.hidden = true;
    requests = 0;
    let found = 0;
    let total = offset + 1;
    try {
      while (found < BOOKS_AT_ONCE && offset < total && requests < REQUESTS_AT_ONCE) {
        const start = await at(offset);
        total = start.total;
        if (!start.image) break;
        const name = start.image.string1;
        if (name === undefined || name === null) {
          offset = await pastUnnamed(offset, total, (image) => image.string1 === undefined || image.string1 === null);
          continue;
        }
        const pages = await get({ string1: name, orderBy: 'number1', pageSize: 1 });
        if (signal.aborted) return;
        if (name === '') {
          // an empty string1 is no book; where the API shows a missing one as empty, it counts none
          offset = pages.totalItems > 0 ? offset + pages.totalItems : await pastUnnamed(offset, total, (image) => !image.string1);
          continue;
        }
        offset += Math.max(1, pages.totalItems);
        shown++;
        list.append(book(space, name, pages.totalItems, (pages.member || [])[0], shown));
        found++;
      }
      if (signal.aborted) return;
      note.replaceChildren(h('p', { class: 'muted', id: 'book-count' },
        shown + (shown === 1 ? ' book' : ' books') + ' shown, from ' + Math.min(offset, total) + ' of '
        + total + (total === 1 ? ' image' : ' images') + ' in this space'));
      more.hidden = offset >= total;
    } catch (error) {
      if (!signal.aborted) note.replaceChildren(problem(error));
    }
  }
  more.addEventListener('click', load);
  await load();
}

function book(space, name, pages, first, number) {
  const manifest = bookManifest(space, name);
  const id = 'book-manifest-' + number;
  const finished = first && first.finished && !first.error;
  return h('section', { class: 'card book', 'data-book': name },
    finished ? h('img', { alt: 'First page of ' + name, loading: 'lazy',
      src: first.thumbnailImageService + '/full/!100,100/0/default.jpg' }) : h('span'),
    h('div', {}, h('h2', {}, name), h('p', { class: 'pages' }, pages + (pages === 1 ? ' page' : ' pages'))),
    copyable('Manifest', manifest, id, 'Copy the manifest URL of ' + name),
    h('p', { class: 'actions' }, viewerLink(manifest, 'Open in viewer', 'Open ' + name + ' in the viewer')));
}

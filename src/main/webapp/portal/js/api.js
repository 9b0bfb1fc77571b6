// The registration API, as the signed-in key sees it. The key and secret live in this tab's
// sessionStorage only (gone when the tab closes), never in a URL or in localStorage.

const SESSION = 'dlcs.portal.session';

export function session() {
  const saved = sessionStorage.getItem(SESSION);
  return saved ? JSON.parse(saved) : null;
}

export function saveSession(value) {
  sessionStorage.setItem(SESSION, JSON.stringify(value));
}

/** The API path of the customer the portal shows (an administrator picks it). */
export function customerPath() {
  return 'customers/' + session().customer;
}

export function signOut() {
  sessionStorage.removeItem(SESSION);
}

function authorization(credentials = session()) {
  return credentials ? 'Basic ' + btoa(credentials.key + ':' + credentials.secret) : null;
}

/** A failed call, with the server's own words (its Hydra error detail). */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function failure(response) {
  let detail = response.statusText || 'The request failed';
  try {
    const body = await response.json();
    detail = body.detail || body.title || detail;
  } catch (e) {
    // not JSON
  }
  if (response.status === 401) {
    detail = 'The key or secret is not right: ' + detail;
  }
  return new ApiError(response.status, detail);
}

/**
 * A JSON call to a path of the API (or to a full URL the API gave, of this server only). With
 * a signal, the call is not made, or is abandoned, once it is aborted.
 */
export async function call(path, { method = 'GET', body, credentials, signal } = {}) {
  const target = url(path);
  signal?.throwIfAborted();
  const headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  const auth = authorization(credentials);
  if (auth) {
    headers['Authorization'] = auth;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  // redirect: 'error', so that no redirect can take the key anywhere else
  const response = await fetch(target, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit',
    redirect: 'error', signal
  });
  if (!response.ok) {
    throw await failure(response);
  }
  return response.status === 204 ? null : response.json();
}

/** The server's root path: wherever the portal is served, the API is the directory above it. */
export const BASE = location.pathname.substring(0, location.pathname.lastIndexOf('/portal/') + 1);

/**
 * The path on this server of a path of the API (relative to its root) or of an absolute URL
 * the API gave. The key and secret go to this server only: for a URL of any other origin
 * (scheme, host or port), this throws.
 */
export function url(path) {
  const absolute = /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(path);
  const target = new URL(absolute ? path : path.replace(/^\/+/, ''), location.origin + BASE);
  if (target.origin !== location.origin) {
    throw new ApiError(0, 'Not sent: the key and secret go to ' + location.origin + ' only, not to '
      + (target.origin === 'null' ? target.protocol : target.origin));
  }
  return target.pathname + target.search;
}

/** The absolute URL, on this server, of a path relative to its root (for a person to copy or open). */
export function serverUrl(path) {
  return location.origin + BASE + path;
}

/**
 * A public resource of this server (a manifest), fetched as anyone would: without the key.
 * Its refusal is thrown with the server's own words, as the API's are.
 */
export async function publicJson(path, { signal } = {}) {
  const response = await fetch(url(path), { credentials: 'omit', redirect: 'error', signal });
  if (!response.ok) {
    throw await failure(response);
  }
  return response.json();
}

/**
 * Registers one image from a local file (multipart: the file and its metadata), reporting
 * upload progress; XMLHttpRequest because fetch cannot report it.
 */
export function upload(path, method, file, metadata, onProgress) {
  return new Promise((resolve, reject) => {
    const target = url(path);
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
    const request = new XMLHttpRequest();
    request.open(method, target);
    request.setRequestHeader('Authorization', authorization());
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    };
    request.onload = () => {
      let body = null;
      try {
        body = JSON.parse(request.responseText);
      } catch (e) {
        // not JSON
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(body);
      } else {
        reject(new ApiError(request.status, (body && (body.detail || body.title)) || request.statusText));
      }
    };
    request.onerror = () => reject(new ApiError(0, 'The server could not be reached.'));
    request.send(form);
  });
}

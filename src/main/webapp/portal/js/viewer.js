// The book viewer: Mirador on one IIIF manifest of this server, named by ?manifest=. It opens
// manifests of this server only (as its Content-Security-Policy also enforces), never any URL
// it is given: it is no open viewer for other sites' documents on the portal's origin.
import { BASE } from './api.js';

/** The paths under which this server answers manifests. */
const MANIFESTS = ['iiif-resource/', 'iiif-manifest/'];

/** The manifest URL given, if it is one of this server's manifests; else null. */
export function manifestOfThisServer(given) {
  if (!given) {
    return null;
  }
  let target;
  try {
    target = new URL(given, location.href);
  } catch (e) {
    return null;
  }
  const own = target.origin === location.origin
    && MANIFESTS.some((path) => target.pathname.startsWith(BASE + path));
  return own && !target.username && !target.password ? target : null;
}

function open() {
  const given = new URLSearchParams(location.search).get('manifest');
  const manifest = manifestOfThisServer(given);
  const message = document.getElementById('viewer-message');
  if (!manifest) {
    message.textContent = given
      ? 'Only manifests of this server open here (' + location.origin + BASE + 'iiif-resource/… or iiif-manifest/…), not ' + given
      : 'No manifest: open this page with ?manifest= and the URL of a manifest of this server.';
    message.hidden = false;
    return;
  }
  document.getElementById('manifest-url').value = manifest.href;
  window.Mirador.viewer({
    id: 'viewer',
    windows: [{ manifestId: manifest.href }],
    // one manifest, chosen by the portal: no catalogue, no adding other resources
    workspaceControlPanel: { enabled: false },
    workspace: { allowNewWindows: false, type: 'mosaic' },
    window: { allowClose: false, allowMaximize: false },
    thumbnailNavigation: { defaultPosition: 'far-bottom' }
  });
}

open();

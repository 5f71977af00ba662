import type { App, Session, WebContents } from 'electron';
import { contentSecurityPolicy, newStyleNonce } from '../../src/host/csp';

/**
 * One style nonce per app run (src/host/csp.ts says why there is one), written into the page by
 * protocol.ts: the window only ever loads our own page, and every response of the session gets
 * the same policy from hardenSession below.
 */
export const STYLE_NONCE = newStyleNonce();

/** Nothing remote and no connections at all: the page talks only to the preload bridge. */
export const APP_CSP = contentSecurityPolicy({ connect: [], styleNonce: STYLE_NONCE });

type SessionLike = {
  setPermissionRequestHandler: Session['setPermissionRequestHandler'];
  setPermissionCheckHandler: Session['setPermissionCheckHandler'];
  webRequest: { onHeadersReceived: Session['webRequest']['onHeadersReceived'] };
};

/**
 * The one permission the app uses: desktop notifications for monitor alerts, and only for our own
 * pages (app://hotpair). Everything else (camera, serial, geolocation…) stays denied.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/** Deny every permission except notifications asked by our own pages, and stamp the CSP on every response. */
export function hardenSession(ses: SessionLike, isOwnUrl: (url: string) => boolean = () => false): void {
  const allowed = (permission: string, url: string | undefined) => ALLOWED_PERMISSIONS.has(permission) && url !== undefined && isOwnUrl(url);
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => callback(allowed(permission, details?.requestingUrl)));
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => allowed(permission, requestingOrigin));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [APP_CSP] } });
  });
}

type ContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Every web contents: no navigation away from our pages, no new windows, no webviews. A frame's
 * navigation (will-frame-navigate) is guarded too: will-navigate fires for the main frame only,
 * and an iframe the CSP somehow let in must not wander off either.
 */
export function hardenContents(contents: ContentsLike, isAllowedUrl: (url: string) => boolean): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  // One argument here: the event carries the URL (will-navigate's second argument is deprecated).
  contents.on('will-frame-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenApp(app: Pick<App, 'on'>, isAllowedUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, isAllowedUrl));
}

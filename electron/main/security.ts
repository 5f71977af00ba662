import { randomBytes } from 'node:crypto';
import type { App, Session, WebContents } from 'electron';

/**
 * xterm.js creates <style> elements (theme, cell size) that `style-src 'self'` blocks; they carry
 * this nonce (renderer/src/features/console/style-nonce.ts), which protocol.ts writes into the
 * page. One per app run: the window only ever loads our own page, and every response of the
 * session gets the same policy from hardenSession below.
 */
export const STYLE_NONCE = randomBytes(16).toString('base64');

/** No inline script, no inline style but the nonce's, no eval, nothing remote: the page talks only to the preload bridge. */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' 'nonce-${STYLE_NONCE}'`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

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

/** Every web contents: no navigation away from our pages, no new windows, no webviews. */
export function hardenContents(contents: ContentsLike, isAllowedUrl: (url: string) => boolean): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenApp(app: Pick<App, 'on'>, isAllowedUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, isAllowedUrl));
}

import type { Protocol } from 'electron';
import { STYLE_NONCE_PLACEHOLDER } from '../../src/host/csp';
import { readStatic } from '../../src/host/http/static';
import { APP_CSP, STYLE_NONCE } from './security';

/**
 * The renderer is served from app://hotpair/ rather than file://: a file:// page shares its
 * origin with every local file, a custom standard+secure scheme gives the app its own origin that
 * the IPC sender check can pin, and lets us attach the CSP as a real response header.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hotpair';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Whether a URL is a page of ours (new URL(...).origin is "null" for custom schemes, so compare parts). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Must run before app 'ready'. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** Serve the built renderer (renderer/dist) on app://hotpair/, nothing outside it. */
export function serveApp(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (!isAppUrl(request.url)) return new Response('Not found', { status: 404 });
    const file = await readStatic(root, new URL(request.url).pathname);
    if (!file) return new Response('Not found', { status: 404 });
    // the page's style nonce placeholder → this run's nonce (the one APP_CSP names)
    const body = file.type.startsWith('text/html') ? new TextEncoder().encode(file.body.toString('utf8').replaceAll(STYLE_NONCE_PLACEHOLDER, STYLE_NONCE)) : new Uint8Array(file.body);
    return new Response(body, {
      headers: { 'Content-Type': file.type, 'Content-Security-Policy': APP_CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { APP_CSP, hardenApp, hardenContents, hardenSession } from '../../electron/main/security';
import { isAppUrl } from '../../electron/main/protocol';

function fakeSession() {
  const s = {
    request: undefined as undefined | ((wc: unknown, perm: string, cb: (ok: boolean) => void, details?: { requestingUrl?: string }) => void),
    check: undefined as undefined | ((...a: unknown[]) => boolean),
    headers: undefined as undefined | ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
    setPermissionRequestHandler(h: never) {
      s.request = h;
    },
    setPermissionCheckHandler(h: never) {
      s.check = h;
    },
    webRequest: {
      onHeadersReceived(h: never) {
        s.headers = h;
      },
    },
  };
  return s;
}

function fakeContents() {
  const ee = new EventEmitter() as EventEmitter & { openHandler?: () => { action: string } };
  return Object.assign(ee, {
    setWindowOpenHandler(h: () => { action: string }) {
      ee.openHandler = h;
    },
  });
}

describe('electron security', () => {
  it('denies every permission request and check', () => {
    const s = fakeSession();
    hardenSession(s as never);
    for (const perm of ['media', 'notifications', 'geolocation', 'serial', 'openExternal']) {
      const cb = vi.fn();
      s.request!({}, perm, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(s.check!({}, 'media')).toBe(false);
  });

  it('allows notifications to our own pages only, and nothing else to anyone', () => {
    const s = fakeSession();
    hardenSession(s as never, isAppUrl);
    const ask = (perm: string, requestingUrl: string) => {
      const cb = vi.fn();
      s.request!({}, perm, cb, { requestingUrl });
      return cb.mock.calls[0]![0] as boolean;
    };
    expect(ask('notifications', 'app://hotpair/index.html')).toBe(true);
    expect(ask('notifications', 'https://evil.example/')).toBe(false);
    expect(ask('notifications', 'http://127.0.0.1:1/')).toBe(false);
    for (const perm of ['media', 'geolocation', 'serial', 'openExternal', 'clipboard-read']) expect(ask(perm, 'app://hotpair/index.html')).toBe(false);
    expect(s.check!({}, 'notifications', 'app://hotpair')).toBe(true);
    expect(s.check!({}, 'notifications', 'https://evil.example')).toBe(false);
    expect(s.check!({}, 'media', 'app://hotpair')).toBe(false);
  });

  it('stamps a strict CSP on every response', () => {
    const s = fakeSession();
    hardenSession(s as never);
    let headers: Record<string, string[]> = {};
    s.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([APP_CSP]);
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(APP_CSP).toMatch(/script-src 'self'/);
    expect(APP_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(APP_CSP).toMatch(/connect-src 'none'/); // the page talks to the preload bridge, never the network
    expect(APP_CSP).toMatch(/frame-ancestors 'none'/);
  });

  it('blocks navigation away from our pages, new windows and webviews', () => {
    const app = new EventEmitter();
    hardenApp(app as never, isAppUrl);
    const c = fakeContents();
    app.emit('web-contents-created', {}, c);
    const nav = (url: string) => {
      const e = { preventDefault: vi.fn() };
      c.emit('will-navigate', e, url);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(nav('https://evil.example/')).toBe(true);
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(nav('app://hotpair/index.html')).toBe(false);
    // An iframe's navigation fires will-frame-navigate only, with the URL on the event itself.
    const frameNav = (url: string) => {
      const e = { url, isMainFrame: false, preventDefault: vi.fn() };
      c.emit('will-frame-navigate', e);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(frameNav('https://evil.example/')).toBe(true);
    expect(frameNav('app://hotpair/index.html')).toBe(false);
    const redirect = { preventDefault: vi.fn() };
    c.emit('will-redirect', redirect, 'http://127.0.0.1:1/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    expect(c.openHandler!()).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    c.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('hardens contents directly too', () => {
    const c = fakeContents();
    hardenContents(c as never, () => false);
    expect(c.listenerCount('will-navigate')).toBe(1);
  });
});

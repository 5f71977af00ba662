import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** 256 random bits, URL-safe: printed once in the URL, required on every API call and WS connect. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time compare (hashing first makes the lengths equal). */
export function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** The token from `Authorization: Bearer …`, or from the WS subprotocol `token.<token>`. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

export const WS_PROTOCOL = 'hotpair.v1';
export function wsToken(req: IncomingMessage): string | undefined {
  const raw = req.headers['sec-websocket-protocol'];
  if (!raw) return undefined;
  const p = raw.split(',').map((s) => s.trim()).find((s) => s.startsWith('token.'));
  return p?.slice('token.'.length);
}

export interface Origins {
  hosts: Set<string>;
  origins: Set<string>;
}

export function originsFor(port: number): Origins {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return { hosts, origins: new Set([...hosts].map((h) => `http://${h}`)) };
}

/**
 * Host must name our loopback listener (defeats DNS rebinding: a foreign site whose name
 * resolves to 127.0.0.1 still sends its own Host). Origin, when a browser sends one, must be ours.
 * A missing Origin is a non-browser client (curl, tests), which still needs the token.
 */
export function checkOrigin(req: IncomingMessage, o: Origins): 'ok' | 'bad-host' | 'bad-origin' {
  if (!req.headers.host || !o.hosts.has(req.headers.host)) return 'bad-host';
  const origin = req.headers.origin;
  if (origin !== undefined && !o.origins.has(origin)) return 'bad-origin';
  return 'ok';
}

/** The placeholder renderer/index.html carries where the per-load style nonce goes. */
export const STYLE_NONCE_PLACEHOLDER = '{{style-nonce}}';

/** 128 random bits for one page load's style nonce. */
export function newStyleNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * `styleNonce`: the page's own nonce, the one relaxation of `style-src 'self'` — xterm.js creates
 * <style> elements (theme, cell size) that only this nonce admits (renderer/src/features/console/
 * style-nonce.ts). Style attributes and any other inline style stay blocked: no 'unsafe-inline'.
 */
export function csp(port: number, styleNonce?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    styleNonce ? `style-src 'self' 'nonce-${styleNonce}'` : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function securityHeaders(port: number, styleNonce?: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp(port, styleNonce),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
  };
}

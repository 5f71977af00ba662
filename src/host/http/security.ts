import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { contentSecurityPolicy } from '../csp';

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

/** Browser mode's policy: the page may talk to its own origin and this run's WebSocket only. */
export function csp(port: number, styleNonce?: string): string {
  return contentSecurityPolicy({ connect: ["'self'", `ws://127.0.0.1:${port}`, `ws://localhost:${port}`], ...(styleNonce ? { styleNonce } : {}) });
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

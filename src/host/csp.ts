import { randomBytes } from 'node:crypto';

/**
 * The app's Content-Security-Policy, built here for all three places that state it: Electron's
 * app:// responses, browser mode's HTTP responses and the <meta> policy renderer/index.html gets
 * at build time. No inline script, no eval, nothing remote; the one relaxation is a per-load
 * style nonce, because xterm.js creates <style> elements (theme, cell size) that `style-src
 * 'self'` blocks (renderer/src/features/console/style-nonce.ts). No 'unsafe-inline' anywhere.
 */

/** Where the page carries its per-load style nonce until the host serving it fills it in. */
export const STYLE_NONCE_PLACEHOLDER = '{{style-nonce}}';

/** 128 random bits: one page load's (browser mode) or one app run's (Electron) style nonce. */
export function newStyleNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface CspOptions {
  /** connect-src sources beyond none; [] = the page talks to nothing (Electron: the preload bridge only). */
  connect: readonly string[];
  styleNonce?: string;
  /** A <meta> policy: browsers ignore frame-ancestors there, so it is left out. */
  meta?: boolean;
}

export function contentSecurityPolicy(o: CspOptions): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    o.styleNonce ? `style-src 'self' 'nonce-${o.styleNonce}'` : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    o.connect.length ? `connect-src ${o.connect.join(' ')}` : "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(o.meta ? [] : ["frame-ancestors 'none'"]),
    "object-src 'none'",
  ].join('; ');
}

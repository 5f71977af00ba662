import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newStyleNonce, STYLE_NONCE_PLACEHOLDER } from '../../src/host/csp';
import { csp } from '../../src/host/http/security';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)]));

describe('the content security policy', () => {
  it('allows nothing remote, no inline script and no eval, whichever host serves the page', () => {
    for (const policy of [contentSecurityPolicy({ connect: [] }), csp(8123, newStyleNonce()), contentSecurityPolicy({ connect: ["'self'"], meta: true })]) {
      const d = directives(policy);
      expect(d.get('default-src')).toBe("'none'");
      expect(d.get('script-src')).toBe("'self'");
      expect(d.get('object-src')).toBe("'none'");
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    }
  });

  it("lets browser mode connect to its own WebSocket only, and Electron's page to nothing", () => {
    expect(directives(csp(8123)).get('connect-src')).toBe("'self' ws://127.0.0.1:8123 ws://localhost:8123");
    expect(directives(contentSecurityPolicy({ connect: [] })).get('connect-src')).toBe("'none'");
  });

  it('admits inline style only with the nonce, and leaves frame-ancestors out of a <meta> policy', () => {
    const nonce = newStyleNonce();
    expect(nonce).not.toBe(newStyleNonce());
    expect(directives(csp(1, nonce)).get('style-src')).toBe(`'self' 'nonce-${nonce}'`);
    expect(directives(csp(1)).get('style-src')).toBe("'self'");
    expect(contentSecurityPolicy({ connect: [], styleNonce: STYLE_NONCE_PLACEHOLDER, meta: true })).not.toContain('frame-ancestors');
    expect(directives(csp(1)).get('frame-ancestors')).toBe("'none'");
  });
});

/**
 * xterm's DOM renderer injects three <style> elements (theme colours, cell dimensions, scrollbar)
 * whose text depends on options and measured font size, so they cannot be shipped as a static
 * stylesheet or allowed by hash. The page's CSP keeps `style-src 'self'` and adds one
 * `'nonce-…'` that the host makes fresh for every load of index.html and writes into
 * <meta name="hotpair-style-nonce">. xterm (6.0) has no nonce option, so the elements it creates
 * get the nonce stamped while — and only while — Terminal.open() runs, which is when it creates
 * all three. No 'unsafe-inline': style attributes stay blocked (xterm sets them only for 24-bit
 * colour and minimum-contrast adjustments, both unused here: Comware sends 16-colour SGR at most).
 */
export function styleNonce(doc: Document = document): string | undefined {
  const v = doc.querySelector('meta[name="hotpair-style-nonce"]')?.getAttribute('content') ?? '';
  // An unserved page keeps the placeholder; anything but base64 is not a nonce
  return /^[A-Za-z0-9+/=_-]{16,}$/.test(v) ? v : undefined;
}

/** Runs `f` with every <style> element created on `doc` carrying `nonce`; restores createElement after. */
export function withStyleNonce<T>(doc: Document, nonce: string | undefined, f: () => T): T {
  if (!nonce) return f();
  const original = doc.createElement;
  // An own property shadows Document.prototype.createElement for this document only, and only now.
  doc.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
    const el = original.call(this, tag, options);
    if (el instanceof HTMLStyleElement) el.nonce = nonce;
    return el;
  } as Document['createElement'];
  try {
    return f();
  } finally {
    delete (doc as { createElement?: unknown }).createElement;
    if (doc.createElement !== original) doc.createElement = original;
  }
}

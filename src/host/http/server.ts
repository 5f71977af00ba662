import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorInfo } from '../../contract/index';
import type { Host } from '../host';
import { attachEvents } from './events';
import { readStatic, NOT_BUILT_PAGE } from './static';
import { bearerToken, checkOrigin, newToken, originsFor, securityHeaders, tokenMatches } from './security';
import { newStyleNonce, STYLE_NONCE_PLACEHOLDER } from '../csp';

export interface ServeOptions {
  host: Host;
  /** 0 = any free port. */
  port?: number;
  /** The built renderer (renderer/dist); absent or empty → a page saying how to build it. */
  staticDir?: string;
  token?: string;
}

export interface RunningServer {
  port: number;
  token: string;
  origin: string;
  /** The URL to open: the token rides in the fragment, which browsers never send to a server. */
  url: string;
  close(): Promise<void>;
}

// Room for a 16 MB bundle sent as base64 (bundles.verify/show); everything else is far smaller.
const MAX_BODY = 24 * 1024 * 1024;

/** Browser mode: the contract over HTTP POST /api/<channel> and WS /events, on 127.0.0.1 only. */
export async function serveHost(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origins = originsFor(port);
  const headers = securityHeaders(port);
  const events = attachEvents(opts.host, origins, token);

  const send = (res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
    res.end(body);
  };
  const sendError = (res: ServerResponse, status: number, error: ErrorInfo) =>
    send(res, status, JSON.stringify({ ok: false, error }), 'application/json', { 'Cache-Control': 'no-store' });

  async function api(req: IncomingMessage, res: ServerResponse, channel: string) {
    const o = checkOrigin(req, origins);
    if (o !== 'ok') return sendError(res, 403, o === 'bad-host' ? { code: 'AUTH_FAILED', message: 'Unexpected Host header.', key: 'host.http.bad-host' } : { code: 'AUTH_FAILED', message: 'Foreign origin refused.', key: 'host.http.foreign-origin' });
    if (!tokenMatches(bearerToken(req), token))
      return sendError(res, 401, { code: 'AUTH_FAILED', message: 'Missing or wrong token.', fix: 'Open the URL that `hotpair serve` printed (it carries the token).', key: 'host.http.token' });
    if (req.method !== 'POST') return sendError(res, 405, { code: 'UNSUPPORTED', message: 'Use POST.', key: 'host.http.post-only' });
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return sendError(res, 415, { code: 'VALIDATION', message: 'Send the input as application/json.', key: 'host.http.json-type' });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req as AsyncIterable<Buffer>) {
      size += c.length;
      if (size > MAX_BODY) return sendError(res, 413, { code: 'VALIDATION', message: `Input larger than ${MAX_BODY} bytes.`, key: 'host.http.too-large', params: { bytes: String(MAX_BODY) } });
      chunks.push(c);
    }
    let input: unknown;
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return sendError(res, 400, { code: 'VALIDATION', message: 'The body is not valid JSON.', key: 'host.http.bad-json' });
    }
    const result = await opts.host.invoke(channel, input);
    send(res, 200, JSON.stringify(result), 'application/json', { 'Cache-Control': 'no-store' });
  }

  async function files(req: IncomingMessage, res: ServerResponse, path: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    if (checkOrigin(req, origins) === 'bad-host') return send(res, 403, 'Unexpected Host header', 'text/plain');
    const file = opts.staticDir ? await readStatic(opts.staticDir, path) : undefined;
    if (!file) {
      if (path === '/' || path === '/index.html') return send(res, 200, NOT_BUILT_PAGE, 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
      return send(res, 404, 'Not found', 'text/plain');
    }
    const cache = file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (file.type.startsWith('text/html')) {
      // A fresh style nonce per load, in the page (meta CSP + the meta xterm reads) and in the header.
      const nonce = newStyleNonce();
      const body = file.body.toString('utf8').replaceAll(STYLE_NONCE_PLACEHOLDER, nonce);
      return send(res, 200, req.method === 'HEAD' ? '' : body, file.type, { 'Cache-Control': 'no-store', 'Content-Security-Policy': securityHeaders(port, nonce)['Content-Security-Policy']! });
    }
    send(res, 200, req.method === 'HEAD' ? '' : file.body, file.type, { 'Cache-Control': cache });
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const handled = path.startsWith('/api/') ? api(req, res, decodeURIComponentSafe(path.slice(5))) : files(req, res, path);
    handled.catch(() => {
      // Never a stack trace to the client; the host already turned handler errors into Results.
      if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: 'Internal error — please report it.', key: 'error.internal.hidden' });
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => events.upgrade(req, socket, head));

  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    token,
    origin,
    url: `${origin}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        events.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

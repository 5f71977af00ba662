import { buildApi, type Bridge, type EventListener, type HostEvent, type Result } from '../../../src/contract/api';

const TOKEN_KEY = 'hotpair.token';

/**
 * The token arrives once in the URL fragment (#token=…, never sent to a server). Keep it for this
 * tab only and take it out of the address bar so it is not copied or bookmarked with the URL.
 */
export function takeToken(loc: Location = window.location, store: Storage = window.sessionStorage): string | undefined {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(loc.hash);
  if (m?.[1]) {
    store.setItem(TOKEN_KEY, m[1]);
    window.history.replaceState(null, '', loc.pathname + loc.search);
    return m[1];
  }
  return store.getItem(TOKEN_KEY) ?? undefined;
}

const unreachable = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'DISCONNECTED', message, fix: 'Check that `hotpair serve` (or `npm start`) is still running, then reload.' },
});

/** Browser mode: POST /api/<channel> with the bearer token; events over WS /events. */
export function browserBridge(token: string | undefined, origin: string = window.location.origin): Bridge {
  const api = buildApi(async (channel, input) => {
    if (!token) return { ok: false, error: { code: 'AUTH_FAILED', message: 'This page was opened without its access token.', fix: 'Open the URL that `hotpair serve` printed; it ends with #token=….' } };
    let res: Response;
    try {
      res = await fetch(`${origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
    } catch {
      return unreachable('The HotPair host is not reachable.');
    }
    try {
      return (await res.json()) as Result<unknown>;
    } catch {
      return unreachable(`The host answered ${res.status} without a result.`);
    }
  });

  const listeners = new Set<EventListener>();
  let ws: WebSocket | undefined;
  let retry = 250;
  const connect = () => {
    if (!token || listeners.size === 0) return;
    ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/events`, ['hotpair.v1', `token.${token}`]);
    ws.onopen = () => (retry = 250);
    ws.onmessage = (m) => {
      let e: HostEvent;
      try {
        e = JSON.parse(String(m.data)) as HostEvent;
      } catch {
        return;
      }
      for (const l of [...listeners]) l(e);
    };
    ws.onclose = () => {
      ws = undefined;
      // Reconnect with backoff: the host may be restarting; stop once nobody listens.
      if (listeners.size > 0) setTimeout(connect, (retry = Math.min(retry * 2, 5000)));
    };
  };

  return {
    api,
    mode: 'browser',
    on(listener) {
      listeners.add(listener);
      if (!ws) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) ws?.close();
      };
    },
  };
}

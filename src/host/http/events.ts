import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Host } from '../host';
import { checkOrigin, tokenMatches, WS_PROTOCOL, wsToken, type Origins } from './security';

/**
 * /events: host events to every authenticated page. Browsers cannot set headers on a WebSocket,
 * so the token rides in a subprotocol (`token.<token>`) and the server answers `hotpair.v1`.
 */
export function attachEvents(host: Host, origins: Origins, token: string) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  const clients = new Set<WebSocket>();
  const sub = host.onEvent((e) => {
    const msg = JSON.stringify(e);
    for (const c of clients) if (c.readyState === c.OPEN) c.send(msg);
  });
  // Pings keep idle connections alive through sleep/resume and drop dead ones.
  const ping = setInterval(() => {
    for (const c of clients) c.ping();
  }, 30_000);
  ping.unref();

  function refuse(socket: Duplex, status: number, text: string) {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = req.url ?? '';
    if (url.split('?')[0] !== '/events') return refuse(socket, 404, 'Not Found');
    const o = checkOrigin(req, origins);
    if (o !== 'ok') return refuse(socket, 403, 'Forbidden');
    if (!tokenMatches(wsToken(req), token)) return refuse(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('message', () => ws.close(1003, 'events are one-way')); // API calls go over POST only
      ws.on('error', () => clients.delete(ws));
    });
  }

  return {
    upgrade,
    close() {
      clearInterval(ping);
      sub.dispose();
      for (const c of clients) c.terminate();
      wss.close();
    },
  };
}

/**
 * SSH authentication and algorithm negotiation against minimal ssh2 servers: keyboard-interactive
 * only, and a server that offers only legacy algorithms (ssh-rsa host key, group14-sha1 kex) as
 * Comware 7.1.0xx does.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterEach, describe, expect, it } from 'vitest';
import { KnownHostsStore } from '../../../src/core/known-hosts';
import { fileStorage, sha256 } from '../../../src/core/transport/node/known-hosts-file';
import { SshTransport } from '../../../src/core/transport/node/ssh';
import { rejection } from './contract';

const hostKey = ssh2.utils.generateKeyPairSync('rsa', { bits: 2048 }).private;
const servers: ssh2.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function server(o: { kex?: ssh2.KexAlgorithm[]; methods: ('password' | 'keyboard-interactive')[] }): Promise<number> {
  const srv = new ssh2.Server({ hostKeys: [hostKey], ...(o.kex ? { algorithms: { kex: o.kex, serverHostKey: ['ssh-rsa'] } } : {}) }, (c) => {
    c.on('error', () => undefined);
    c.on('authentication', (ctx) => {
      if (ctx.method === 'keyboard-interactive' && o.methods.includes('keyboard-interactive')) {
        return ctx.prompt([{ prompt: 'Password: ', echo: false }], (answers) => (answers[0] === 'kbd-secret' ? ctx.accept() : ctx.reject()));
      }
      if (ctx.method === 'password' && o.methods.includes('password')) return ctx.password === 'kbd-secret' ? ctx.accept() : ctx.reject();
      ctx.reject(o.methods);
    });
    c.on('ready', () =>
      c.on('session', (accept) => {
        const s = accept();
        s.on('pty', (a) => a?.());
        s.on('shell', (a) => a().write('\r\n<FW9>'));
      }),
    );
  });
  servers.push(srv);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  return (srv.address() as AddressInfo).port;
}

const transport = (port: number, o: { password?: string; legacy?: boolean } = {}) =>
  new SshTransport({
    host: '127.0.0.1',
    port,
    username: 'admin',
    password: o.password ?? 'kbd-secret',
    knownHosts: new KnownHostsStore(fileStorage(join(mkdtempSync(join(tmpdir(), 'hp-ssha-')), 'kh')), sha256),
    hostKeyPolicy: { acceptNew: true },
    readyTimeoutMs: 5000,
    ...(o.legacy === false ? { legacyAlgorithms: false } : {}),
  });

describe('SSH authentication and algorithms', () => {
  it('keyboard-interactive: answers the password prompt', async () => {
    const port = await server({ methods: ['keyboard-interactive'] });
    const t = transport(port);
    await t.open();
    expect(t.isOpen).toBe(true);
    await t.close();
    expect((await rejection(transport(port, { password: 'nope' }).open())).code).toBe('AUTH_FAILED');
  });

  it('a device offering only ssh-rsa and diffie-hellman-group14-sha1 is reached (legacy appended), refused without', async () => {
    const port = await server({ kex: ['diffie-hellman-group14-sha1'], methods: ['password'] });
    const t = transport(port);
    await t.open();
    await t.close();
    const e = await rejection(transport(port, { legacy: false }).open());
    expect(e.code).toBe('CONNECT_FAILED');
  });
});

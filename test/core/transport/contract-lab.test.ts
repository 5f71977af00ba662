/** The contract against the lab: its PTY console (serial) and its SSH server. */
import { afterAll, beforeAll } from 'vitest';
import { KnownHostsStore } from '../../../src/core/known-hosts';
import { fileStorage, sha256 } from '../../../src/core/transport/node/known-hosts-file';
import { SerialTransport } from '../../../src/core/transport/node/serial';
import { SshTransport } from '../../../src/core/transport/node/ssh';
import { join } from 'node:path';
import { transportContract } from './contract';
import { startLabEnv, type LabEnv } from './lab-env';

let env: LabEnv;
beforeAll(async () => {
  env = await startLabEnv(231);
});
afterAll(async () => {
  await env?.stop();
});

transportContract('serial: PTY to the lab console', () => ({
  makeTransport: () => new SerialTransport({ path: env.console, baud: 9600 }),
  credentials: { username: env.username, password: env.password },
  loginMode: 'console',
  sysname: env.sysname,
}));

transportContract('ssh: lab SSH server', () => ({
  makeTransport: () =>
    new SshTransport({
      host: env.ssh.host,
      port: env.ssh.port,
      username: env.username,
      password: env.password,
      knownHosts: new KnownHostsStore(fileStorage(join(env.dir, 'known_hosts')), sha256),
      hostKeyPolicy: { acceptNew: true },
    }),
  credentials: { username: env.username, password: env.password },
  loginMode: 'shell',
  sysname: env.sysname,
}));

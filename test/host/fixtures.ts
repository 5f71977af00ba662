import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabAdapter } from '../../src/host/index';

export const GOOD_PAIR = `# yaml-language-server: $schema=../pair.schema.json
# A/S test pair
# second comment line
name: site-1
devices:
  a:
    sysname: FW1
    role: primary
    connect: ssh://admin@127.0.0.1:2201
    controlChannel: { localIp: 10.2.1.1 }
    dataChannel: { interface: GigabitEthernet1/0/3 }
  b:
    sysname: FW2
    role: secondary
    connect: ssh://admin@127.0.0.1:2202
    controlChannel: { localIp: 10.2.1.2 }
    dataChannel: { interface: GigabitEthernet1/0/3 }
`;

export function tmpWorld() {
  const root = mkdtempSync(join(tmpdir(), 'hotpair-host-'));
  const examples = join(root, 'examples');
  mkdirSync(examples);
  writeFileSync(join(examples, 'as-basic.yaml'), GOOD_PAIR);
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>HotPair test</title>');
  writeFileSync(join(dist, 'assets', 'a.js'), 'console.log(1)');
  return { root, examples, dist, settingsFile: join(root, 'data', 'settings.json') };
}

/** A lab adapter that waits until released or aborted, so tests control timing and cancel. */
export function fakeLab(opts: { fail?: Error } = {}) {
  let release: () => void = () => {};
  const stopped = { count: 0 };
  const adapter: LabAdapter = {
    start: ({ signal, progress }) =>
      new Promise((resolve, reject) => {
        progress('starting device A');
        if (opts.fail) return reject(opts.fail);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        release = () => resolve({ devices: [{ key: 'a', sysname: 'LAB-A', ssh: { host: '127.0.0.1', port: 2201, username: 'admin' } }], pairText: GOOD_PAIR });
      }),
    stop: async () => {
      stopped.count++;
    },
  };
  return { adapter, release: () => release(), stopped };
}

/**
 * Commissioning the app's lab pair for monitor tests, the way an engineer would without the
 * wizard: the lab pair file rendered by core, typed over real SSH sessions (core's session layer),
 * with the devices' loghost pointed at the monitor's syslog receiver.
 */
import { createHash } from 'node:crypto';
import { KnownHostsStore } from '../../src/core/known-hosts';
import { loadPairText } from '../../src/core/model/load';
import { comware7 } from '../../src/core/platforms/comware7';
import { renderPair, scriptText } from '../../src/core/render/index';
import { openSession } from '../../src/core/session/node/open';
import { parseConnectUrl } from '../../src/core/model/connect';
import type { LabAccess } from '../../src/host/types';

const memoryHosts = () => {
  let text: string | undefined;
  return new KnownHostsStore(
    { location: 'memory', read: async () => text, write: async (t) => void (text = t) },
    (d) => new Uint8Array(createHash('sha256').update(d).digest()),
  );
};

/** Renders the lab pair, pushes it to both devices over SSH and sets their loghost; resolves when typed. */
export async function commissionLab(access: LabAccess, syslogPort: number | undefined, signal = new AbortController().signal): Promise<void> {
  const loaded = loadPairText(access.pairText);
  if (!loaded.ok) throw new Error(`lab pair file: ${JSON.stringify(loaded.errors)}`);
  const pair = loaded.pair;
  const scripts = renderPair(pair, comware7);
  const knownHosts = memoryHosts();
  await Promise.all(
    (['a', 'b'] as const).map(async (k) => {
      const t = parseConnectUrl(pair.devices[k].connect);
      if (!t.ok) throw new Error(t.message);
      const { session } = await openSession({
        target: t.target,
        credentials: { username: access.username, password: access.password },
        knownHosts,
        hostKeyPolicy: { acceptNew: true },
        signal,
        transcriptSink: { location: 'none', write: () => undefined, close: async () => undefined },
      });
      try {
        const lines = scriptText(scripts[k]).filter((l) => l !== 'return');
        if (syslogPort !== undefined) lines.push(`info-center loghost 127.0.0.1 port ${syslogPort}`);
        for (const line of [...lines, 'return']) await session.exec(line, { signal, timeoutMs: 10_000 });
      } finally {
        await session.close();
      }
    }),
  );
}

/** The syslog port out of the snapshot's "udp+tcp 127.0.0.1:5514". */
export const portOf = (described: string | undefined): number | undefined => {
  const m = described ? /:(\d+)$/.exec(described) : null;
  return m ? Number(m[1]) : undefined;
};

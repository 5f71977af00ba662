import net from 'node:net';

/** Whether `port` can be bound on `host` right now. */
function free(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, host, () => s.close(() => resolve(true)));
  });
}

/** Highest port tried before giving up. */
const LAST_PORT = 65_534;

/** The first port P ≥ start such that P (RBM control) and P+1 (data channel) are free on every host. */
export async function findFreePortPair(hosts: string[], start: number): Promise<number> {
  for (let p = start; p < LAST_PORT; p += 2) {
    let ok = true;
    for (const h of hosts) if (!(await free(h, p)) || !(await free(h, p + 1))) ok = false;
    if (ok) return p;
  }
  throw new Error(`no free port pair from ${start} on ${hosts.join(', ')}`);
}

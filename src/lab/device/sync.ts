import type { RunningConfig } from './model';
import { renderObjectGroup, renderUser } from './render';

/**
 * What configuration backup carries from the primary to the secondary (hot-backup-help.txt,
 * "Configuration backup" and "Mirroring mode restrictions"), restricted to what the lab models:
 *
 * - every mode: security objects (the lab models IP address object groups) — the "services"
 *   the seed lists for active/standby and dual-active modes are security features;
 * - every mode: nothing of the device-specific configuration — sysname, the RBM view itself,
 *   track entries, VRRP groups, loghosts and the management interface stay per device;
 * - static routes only when `configuration auto-sync enable route-static` is on ("Auto Sync
 *   Static routes": the primary sends static routes during automatic or manual synchronisation);
 * - mirroring mode adds IP addressing / IPv6 basics (interface IPv4, IPv6 and link-local
 *   addresses, except the mirroring management interface and the RBM channel interface, which
 *   must differ), device login (local users) and SSH (`ssh server enable`).
 *
 * Each category renders its lines and can clear itself, so the secondary replaces exactly the
 * synchronised part of its configuration.
 */
interface Category {
  applies(c: RunningConfig): boolean;
  render(c: RunningConfig): string[];
  clear(c: RunningConfig): void;
}

const mirroring = (c: RunningConfig) => c.rbm?.mode === 'mirroring';

/** Interfaces whose addresses mirroring mode copies: all but the management and channel interfaces. */
function mirroredInterfaces(c: RunningConfig) {
  const keep = new Set([c.rbm?.managementInterface, c.rbm?.dataChannelInterface]);
  const local = c.rbm?.localIp;
  return c.interfaces.filter((i) => !keep.has(i.name) && i.ipv4?.ip !== local);
}

const CATEGORIES: readonly Category[] = [
  {
    applies: (c) => c.rbm !== undefined,
    render: (c) => c.objectGroups.flatMap(renderObjectGroup),
    clear: (c) => {
      c.objectGroups = [];
    },
  },
  {
    applies: (c) => mirroring(c),
    render: (c) =>
      mirroredInterfaces(c).flatMap((i) => {
        const lines = [
          ...(i.ipv4 ? [` ip address ${i.ipv4.ip} ${i.ipv4.mask}`] : []),
          ...i.ipv6LinkLocal.map((a) => ` ipv6 address ${a} link-local`),
          ...i.ipv6.map((a) => ` ipv6 address ${a}`),
        ];
        return lines.length ? [`interface ${i.name}`, ...lines] : [];
      }),
    clear: (c) => {
      for (const i of mirroredInterfaces(c)) {
        delete i.ipv4;
        i.ipv6 = [];
        i.ipv6LinkLocal = [];
      }
    },
  },
  {
    applies: (c) => c.rbm?.autoSyncStaticRoutes === true,
    render: (c) => c.routes.map((r) => `ip route-static ${r.dest} ${r.prefix} ${r.nextHop}`),
    clear: (c) => {
      c.routes = [];
    },
  },
  {
    applies: (c) => mirroring(c),
    render: (c) => (c.sshServer ? ['ssh server enable'] : []),
    clear: (c) => {
      c.sshServer = false;
    },
  },
  {
    applies: (c) => mirroring(c),
    render: (c) => c.users.flatMap(renderUser),
    clear: (c) => {
      c.users = [];
    },
  },
];

export function syncableLines(c: RunningConfig): string[] {
  return CATEGORIES.filter((k) => k.applies(c)).flatMap((k) => k.render(c));
}

export function clearSyncable(c: RunningConfig): void {
  for (const k of CATEGORIES) if (k.applies(c)) k.clear(c);
}

/**
 * Serial ports with USB vendor/product names. serialport's list() spawns `udevadm` on Linux and
 * can take the whole process down where udevadm is missing (containers, minimal installs), so it
 * is only called when udevadm is on PATH, and /sys/class/tty is read otherwise. Never throws.
 */
import { accessSync, constants, existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

export interface PortInfo {
  path: string;
  manufacturer?: string;
  product?: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
  source: 'serialport' | 'sysfs';
}

export function hasExecutable(name: string, path = process.env.PATH ?? ''): boolean {
  return path.split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export async function listPorts(o: { sysfsRoot?: string; forceSysfs?: boolean } = {}): Promise<{ ports: PortInfo[]; warning?: string }> {
  let warning: string | undefined;
  if (!o.forceSysfs && (process.platform !== 'linux' || hasExecutable('udevadm'))) {
    try {
      const { SerialPort } = await import('serialport');
      const list = await SerialPort.list();
      const ports = list.map((p) => strip({ path: p.path, manufacturer: p.manufacturer, vendorId: p.vendorId, productId: p.productId, serialNumber: p.serialNumber, source: 'serialport' as const }));
      return { ports: process.platform === 'linux' ? withSysfsNames(ports, listSysfs(o.sysfsRoot ?? '/sys/class/tty')) : ports };
    } catch (e) {
      warning = `serial port listing failed (${(e as Error).message}); read ${o.sysfsRoot ?? '/sys/class/tty'} instead`;
    }
  } else if (process.platform === 'linux') warning = 'udevadm not found; ports read from /sys/class/tty';
  return { ports: listSysfs(o.sysfsRoot ?? '/sys/class/tty'), ...(warning ? { warning } : {}) };
}

/**
 * serialport's list has no product name (only the vendor's), yet "FT232R USB UART" or "CP2102"
 * is what tells two adapters apart: take it, and anything else missing, from sysfs by path.
 */
export function withSysfsNames(ports: PortInfo[], sysfs: PortInfo[]): PortInfo[] {
  const byPath = new Map(sysfs.map((p) => [p.path, p]));
  return ports.map((p) => {
    const s = byPath.get(p.path);
    if (!s) return p;
    const { source: _source, ...names } = s;
    return { ...names, ...p };
  });
}

/** Real serial devices under /sys/class/tty (virtual consoles and ptys have no `device`). */
export function listSysfs(root: string): PortInfo[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const out: PortInfo[] = [];
  for (const name of names.sort()) {
    const dir = join(root, name);
    if (!existsSync(join(dir, 'device'))) continue;
    // legacy 8250 slots exist whether or not a UART is fitted; type 0 means "no port here"
    if (/^ttyS\d+$/.test(name) && read(join(dir, 'type')) === '0') continue;
    const info: PortInfo = { path: `/dev/${name}`, source: 'sysfs' };
    const usb = findUsbDevice(join(dir, 'device'));
    if (usb) {
      const fields = { manufacturer: 'manufacturer', product: 'product', vendorId: 'idVendor', productId: 'idProduct', serialNumber: 'serial' } as const;
      for (const [k, file] of Object.entries(fields)) {
        const v = read(join(usb, file));
        if (v) info[k as keyof typeof fields] = v;
      }
    }
    out.push(info);
  }
  return out;
}

/** Walks up from the tty's device to the USB device directory (the one with idVendor). */
function findUsbDevice(deviceLink: string): string | undefined {
  let dir: string;
  try {
    dir = realpathSync(deviceLink);
  } catch {
    return undefined;
  }
  for (let i = 0; i < 6 && dir !== '/' && dir !== '.'; i++) {
    if (existsSync(join(dir, 'idVendor'))) return dir;
    dir = dirname(dir);
  }
  return undefined;
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function strip(p: PortInfo): PortInfo {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as unknown as PortInfo;
}

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasExecutable, listPorts, listSysfs, withSysfsNames } from '../../../src/core/transport/node/serial-ports';

/** A fake /sys: a USB serial adapter, a legacy 8250 slot without a UART, a pty without a device. */
function fakeSysfs(): string {
  const root = mkdtempSync(join(tmpdir(), 'hp-sysfs-'));
  const usb = join(root, 'devices', 'usb1', '1-1');
  const iface = join(usb, '1-1:1.0', 'ttyUSB0');
  mkdirSync(iface, { recursive: true });
  for (const [f, v] of Object.entries({ idVendor: '0403', idProduct: '6001', manufacturer: 'FTDI', product: 'FT232R USB UART', serial: 'A10KZ3' })) writeFileSync(join(usb, f), `${v}\n`);
  const cls = join(root, 'class', 'tty');
  mkdirSync(join(cls, 'ttyUSB0'), { recursive: true });
  symlinkSync(iface, join(cls, 'ttyUSB0', 'device'));
  const s8250 = join(root, 'devices', 'platform', 'serial8250');
  mkdirSync(s8250, { recursive: true });
  for (const [name, type] of [
    ['ttyS0', '4'],
    ['ttyS1', '0'],
  ]) {
    mkdirSync(join(cls, name!), { recursive: true });
    symlinkSync(s8250, join(cls, name!, 'device'));
    writeFileSync(join(cls, name!, 'type'), `${type}\n`);
  }
  mkdirSync(join(cls, 'tty1'), { recursive: true });
  return cls;
}

describe('listPorts', () => {
  it('reads /sys/class/tty with USB vendor/product names, skipping empty 8250 slots and virtual ttys', () => {
    expect(listSysfs(fakeSysfs())).toEqual([
      { path: '/dev/ttyS0', source: 'sysfs' },
      { path: '/dev/ttyUSB0', source: 'sysfs', manufacturer: 'FTDI', product: 'FT232R USB UART', vendorId: '0403', productId: '6001', serialNumber: 'A10KZ3' },
    ]);
  });

  it("adds sysfs product names to serialport's list, which lacks them, keeping serialport's own fields", () => {
    const fromSerialport = [
      { path: '/dev/ttyUSB0', manufacturer: 'FTDI Ltd', vendorId: '0403', productId: '6001', source: 'serialport' as const },
      { path: '/dev/ttyACM0', manufacturer: 'Arduino', source: 'serialport' as const },
    ];
    expect(withSysfsNames(fromSerialport, listSysfs(fakeSysfs()))).toEqual([
      { path: '/dev/ttyUSB0', manufacturer: 'FTDI Ltd', product: 'FT232R USB UART', vendorId: '0403', productId: '6001', serialNumber: 'A10KZ3', source: 'serialport' },
      { path: '/dev/ttyACM0', manufacturer: 'Arduino', source: 'serialport' },
    ]);
  });

  it('never throws: a missing sysfs gives an empty list', () => {
    expect(listSysfs('/nonexistent/sys/class/tty')).toEqual([]);
  });

  it('without udevadm on PATH it does not call serialport (which would crash the process) and says so', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(hasExecutable('udevadm')).toBe(false);
      const r = await listPorts({ sysfsRoot: fakeSysfs() });
      expect(r.ports.map((p) => p.path)).toEqual(['/dev/ttyS0', '/dev/ttyUSB0']);
      if (process.platform === 'linux') expect(r.warning).toMatch(/udevadm not found/);
    } finally {
      process.env.PATH = saved;
    }
  });
});

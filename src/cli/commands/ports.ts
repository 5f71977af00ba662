import type { Command } from 'commander';
import { listPorts, type PortInfo } from '../../core/transport/node/serial-ports';

export function formatPorts(ports: PortInfo[]): string {
  if (ports.length === 0) return 'no serial ports found (plug in the USB console adapter)\n';
  return ports
    .map((p) => {
      const ids = p.vendorId ? ` [${p.vendorId}:${p.productId ?? '????'}]` : '';
      const name = [p.manufacturer, p.product].filter(Boolean).join(' ');
      return `${p.path}${name ? `  ${name}` : ''}${ids}${p.serialNumber ? `  serial ${p.serialNumber}` : ''}\n`;
    })
    .join('');
}

export function registerPorts(program: Command): void {
  program
    .command('ports')
    .description('List serial ports (USB console adapters) with vendor and product names')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const { ports, warning } = await listPorts();
      if (o.json) process.stdout.write(`${JSON.stringify({ ok: true, data: { ports, ...(warning ? { warning } : {}) } }, null, 2)}\n`);
      else {
        if (warning) process.stderr.write(`note: ${warning}\n`);
        process.stdout.write(formatPorts(ports));
      }
    });
}

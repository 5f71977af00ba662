import type { Command } from 'commander';
import { listPorts, type PortInfo } from '../../core/transport/node/serial-ports';
import { t } from '../i18n';

export function formatPorts(ports: PortInfo[]): string {
  if (ports.length === 0) return `${t('ports.none')}\n`;
  return ports
    .map((p) => {
      const ids = p.vendorId ? ` [${p.vendorId}:${p.productId ?? '????'}]` : '';
      const name = [p.manufacturer, p.product].filter(Boolean).join(' ');
      return `${p.path}${name ? `  ${name}` : ''}${ids}${p.serialNumber ? `  ${t('ports.serial', { serial: p.serialNumber })}` : ''}\n`;
    })
    .join('');
}

export function registerPorts(program: Command): void {
  program
    .command('ports')
    .description(t('ports.desc'))
    .option('--json', t('ports.json'))
    .action(async (o: { json?: boolean }) => {
      const { ports, warning } = await listPorts();
      if (o.json) process.stdout.write(`${JSON.stringify({ ok: true, data: { ports, ...(warning ? { warning } : {}) } }, null, 2)}\n`);
      else {
        if (warning) process.stderr.write(`${t('note', { note: warning })}\n`);
        process.stdout.write(formatPorts(ports));
      }
    });
}

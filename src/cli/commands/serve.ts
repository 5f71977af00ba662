import type { Command } from 'commander';
import { startBrowserMode } from '../../host/browser-mode';
import { t } from '../i18n';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(t('serve.desc'))
    .option('--port <n>', t('serve.port'), '0')
    .option('--no-lab', t('serve.noLab'))
    .action(async (o: { port: string; lab: boolean }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(t('serve.badPort', { port: o.port }));
      const mode = await startBrowserMode({ port, lab: o.lab });
      process.stdout.write(`${t('serve.running', { port: String(mode.server.port), url: mode.server.url })}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await mode.close();
    });
}

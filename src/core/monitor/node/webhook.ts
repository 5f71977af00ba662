/**
 * Alert webhook: one JSON POST per alert, fire-and-forget with a timeout and a couple of retries —
 * a NOC endpoint that is down must never stall the monitor or lose the event (the store has it).
 */
import { AppError } from '../../base/errors';
import type { MonitorEvent } from '../types';

/** The URL's scheme, or undefined when it is no URL at all. */
function protocolOf(url: string): string | undefined {
  try {
    return new URL(url).protocol;
  } catch {
    return undefined;
  }
}

type AlertEvent = Extract<MonitorEvent, { kind: 'alert' }>;

/** The endpoint answered, but not with 2xx: the status is kept as a number so callers can say it in any language. */
export class WebhookStatusError extends Error {
  constructor(readonly status: number) {
    super(`webhook answered ${status}`);
    this.name = 'WebhookStatusError';
  }
}

export interface WebhookOptions {
  url: string;
  timeoutMs?: number;
  retries?: number;
  /** The last failure once the retries are spent: a WebhookStatusError when the endpoint answered, else the system's or fetch's error. */
  onError?: (e: Error, alert: AlertEvent) => void;
}

export interface WebhookPayload {
  source: 'hotpair';
  alert: AlertEvent;
  text: string;
}

export class Webhook {
  private inflight = new Set<Promise<void>>();
  constructor(private readonly opts: WebhookOptions) {
    const scheme = protocolOf(opts.url);
    if (scheme !== 'http:' && scheme !== 'https:')
      throw new AppError('VALIDATION', `webhook URL must be http(s): ${opts.url}`, { fix: 'give --webhook a URL such as https://noc.example/hook', message: { key: 'monitor.webhook-url', params: { url: opts.url } } });
  }

  /** Posts every new alert among the events; returns at once. */
  send(events: readonly MonitorEvent[]): void {
    for (const e of events) {
      if (e.kind !== 'alert' || e.rev !== 0) continue;
      const p = this.post(e).finally(() => this.inflight.delete(p));
      this.inflight.add(p);
    }
  }

  /** Waits for posts still in flight (on shutdown and in tests). */
  async drain(): Promise<void> {
    await Promise.all([...this.inflight]);
  }

  private async post(alert: AlertEvent): Promise<void> {
    const payload: WebhookPayload = { source: 'hotpair', alert, text: `[${alert.pair}] ${alert.rule}: ${alert.message}` };
    const retries = this.opts.retries ?? 2;
    let last: Error | undefined;
    for (let attempt = 0; attempt <= retries; attempt++) {
      try {
        const res = await fetch(this.opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'hotpair-monitor' },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
        });
        await res.arrayBuffer();
        if (res.ok) return;
        last = new WebhookStatusError(res.status);
        if (res.status < 500) break; // a 4xx will not get better by retrying
      } catch (e) {
        last = e instanceof Error ? e : new Error(String(e));
      }
      await new Promise((r) => setTimeout(r, 250 * (attempt + 1)));
    }
    if (last) this.opts.onError?.(last, alert);
  }
}

/** Event plumbing every transport shares, so each implementation only does its I/O. */
import { AppError } from '../base/errors';
import { Emitter, type Disposable } from '../base/emitter';
import type { Transport, TransportCloseEvent, TransportKind } from './types';

export abstract class BaseTransport implements Transport {
  abstract readonly kind: TransportKind;
  abstract readonly label: string;
  abstract readonly bytesPerSecond: number | undefined;
  protected readonly dataEvents = new Emitter<Uint8Array>();
  protected readonly closeEvents = new Emitter<TransportCloseEvent>();
  protected state: 'new' | 'opening' | 'open' | 'closed' = 'new';

  get isOpen(): boolean {
    return this.state === 'open';
  }
  abstract open(signal?: AbortSignal): Promise<void>;
  abstract write(data: string | Uint8Array): Promise<void>;
  abstract close(): Promise<void>;

  onData(listener: (chunk: Uint8Array) => void): Disposable {
    return this.dataEvents.on(listener);
  }
  onClose(listener: (e: TransportCloseEvent) => void): Disposable {
    return this.closeEvents.on(listener);
  }

  /** Moves to closed and tells listeners exactly once, whatever path got us here. */
  protected markClosed(error?: AppError): void {
    if (this.state === 'closed') return;
    const wasOpen = this.state === 'open';
    this.state = 'closed';
    if (wasOpen) this.closeEvents.fire(error ? { error } : {});
  }

  protected emitData(chunk: Uint8Array): void {
    if (this.state === 'open') this.dataEvents.fire(chunk);
  }

  protected notOpenError(): AppError {
    return new AppError('DISCONNECTED', `${this.label}: the connection is closed.`, {
      fix: 'Reconnect; if the cable was unplugged, plug it back in first.',
      message: { key: 'error.disconnected.not-open', params: { label: this.label } },
    });
  }
}

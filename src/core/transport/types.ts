/**
 * One byte-stream interface for every way of reaching a device (console cable, SSH shell, tests).
 * The channel above it never knows which one it talks to; the contract suite in
 * test/core/transport/contract.ts holds every implementation to the same behaviour.
 */
import type { AppError } from '../base/errors';
import type { Disposable } from '../base/emitter';

export type TransportKind = 'serial' | 'ssh' | 'mock' | 'replay';

export interface TransportCloseEvent {
  /** Absent when closed by our own close(); DISCONNECTED/… when the link went away. */
  error?: AppError;
}

export interface Transport {
  readonly kind: TransportKind;
  /** Human label for messages and transcript names: "ssh 10.0.0.1:22", "/dev/ttyUSB0 @9600". */
  readonly label: string;
  readonly isOpen: boolean;
  /**
   * Bytes per second the link can carry in each direction, for timeouts derived from the
   * line rate (a 100 KB display at 9600 baud needs minutes); undefined for fast links.
   */
  readonly bytesPerSecond: number | undefined;
  /** Resolves when data can flow; rejects with AUTH_FAILED, CONNECT_FAILED, TIMEOUT, HOST_KEY_* … */
  open(signal?: AbortSignal): Promise<void>;
  /** Rejects with DISCONNECTED when the link is gone. */
  write(data: string | Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): Disposable;
  /** Fires once, on our close() or when the link drops. */
  onClose(listener: (e: TransportCloseEvent) => void): Disposable;
  /** Idempotent; resolves once the underlying resource is released. */
  close(): Promise<void>;
  /** Serial only: a line break (boot menus, some consoles' attention signal). */
  sendBreak?(): Promise<void>;
  /** Serial only: after the link dropped, wait for the device to reappear and open it again. */
  reconnect?(o: { timeoutMs: number; signal?: AbortSignal }): Promise<void>;
  /** SSH only: the terminal size changed (interactive console); a serial line has no size. */
  resize?(cols: number, rows: number): void;
  /** SSH only: a file off the device over SFTP, byte for byte (UNSUPPORTED when SFTP is refused). */
  readFile?(path: string, signal?: AbortSignal): Promise<Uint8Array>;
}

export const textEncoder = new TextEncoder();

export function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? textEncoder.encode(data) : data;
}

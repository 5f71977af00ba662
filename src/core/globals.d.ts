// The globals src/core may use: present in Node, browsers and Electron alike. Declared here so
// the core tsconfig carries neither DOM nor Node types (and so cannot reach for either).
// Only read by tsconfig.core.json; the node and web configs get these from their own libs.
declare global {
  interface AbortSignal {
    readonly aborted: boolean;
    readonly reason: unknown;
    addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
    removeEventListener(type: 'abort', listener: () => void): void;
    throwIfAborted(): void;
  }
  var AbortSignal: { prototype: AbortSignal; abort(reason?: unknown): AbortSignal; timeout(ms: number): AbortSignal; any(signals: AbortSignal[]): AbortSignal };
  interface AbortController {
    readonly signal: AbortSignal;
    abort(reason?: unknown): void;
  }
  var AbortController: { prototype: AbortController; new (): AbortController };
  function setTimeout(cb: (...args: unknown[]) => void, ms?: number): unknown;
  function clearTimeout(id: unknown): void;
  function setInterval(cb: (...args: unknown[]) => void, ms?: number): unknown;
  function clearInterval(id: unknown): void;
  function queueMicrotask(cb: () => void): void;
  interface URLSearchParams {
    get(name: string): string | null;
    has(name: string): boolean;
  }
  interface URL {
    readonly protocol: string;
    readonly hostname: string;
    readonly port: string;
    readonly pathname: string;
    readonly username: string;
    readonly password: string;
    readonly searchParams: URLSearchParams;
  }
  var URL: { prototype: URL; new (url: string, base?: string): URL };
  interface TextEncoder {
    encode(input?: string): Uint8Array;
  }
  var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };
  interface TextDecoder {
    decode(input?: Uint8Array, options?: { stream?: boolean }): string;
  }
  var TextDecoder: { prototype: TextDecoder; new (label?: string, options?: { fatal?: boolean }): TextDecoder };
  function structuredClone<T>(value: T): T;
}
export {};

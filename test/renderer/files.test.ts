// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileBase64, fromBase64, saveFile, toBase64 } from '../../renderer/src/services/files';

afterEach(() => vi.restoreAllMocks());

describe('files in and out of the renderer', () => {
  it('carries every byte value of a file larger than one encoding chunk through base64 and back', async () => {
    const bytes = Uint8Array.from({ length: 0x8000 * 2 + 17 }, (_, i) => (i * 7) % 256);
    const b64 = await fileBase64(new File([bytes], 'big.hpb'));
    expect(b64).toBe(toBase64(bytes));
    expect(fromBase64(b64)).toEqual(bytes);
  });

  it('offers the exact bytes under the given name, and lets the object URL go afterwards', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    saveFile('t.ndjson', '{"a":1}\n', 'application/x-ndjson');
    saveFile('site-1.hpb', fromBase64(toBase64(Uint8Array.of(0, 255, 128))));
    expect(names).toEqual(['t.ndjson', 'site-1.hpb']);
    expect(blobs[0]!.type).toBe('application/x-ndjson');
    expect(new Uint8Array(await blobs[1]!.arrayBuffer())).toEqual(Uint8Array.of(0, 255, 128));
    expect(document.querySelector('a[download]')).toBeNull();
    vi.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });
});

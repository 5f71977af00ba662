/**
 * Files in and out of the renderer, the same in browser mode and Electron: a picked file read as
 * base64 for the host, and bytes offered back to the user as a download.
 */

/** Offers bytes to the user as a file (Electron shows its save dialog for the same download). */
export function saveFile(name: string, content: string | Uint8Array, type = 'application/octet-stream'): void {
  const blob = new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled, or the download may find no data.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** base64 → bytes (atob on the whole string; files here are at most ~16 MB). */
export function fromBase64(data: string): Uint8Array {
  const bin = atob(data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Bytes → base64 in chunks (String.fromCharCode on a whole 16 MB array would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export const fileBase64 = async (file: File): Promise<string> => toBase64(new Uint8Array(await file.arrayBuffer()));

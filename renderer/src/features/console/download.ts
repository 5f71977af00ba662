/** Offers bytes to the user as a file: a download in browser mode, the save dialog in Electron. */
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
  // revoke after the click has been handled, or the download may find no data
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** base64 → bytes (atob on the whole string; files here are at most ~16 MB). */
export function fromBase64(data: string): Uint8Array {
  const bin = atob(data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

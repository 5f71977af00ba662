/** Bytes → base64 in chunks (String.fromCharCode on a whole 16 MB array would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export const fileBase64 = async (file: File): Promise<string> => toBase64(new Uint8Array(await file.arrayBuffer()));

/**
 * Encryption by the operating system's keychain (Electron safeStorage: Keychain on macOS, DPAPI
 * on Windows, libsecret/kwallet on Linux). Electron main implements it; the host only sees bytes.
 */
export interface KeychainCipher {
  /** false when the OS offers no keychain (e.g. Linux without a secret service). */
  available(): boolean;
  encrypt(plain: string): Uint8Array;
  decrypt(data: Uint8Array): string;
}

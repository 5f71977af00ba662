import type { SafeStorage } from 'electron';
import type { KeychainCipher } from '../../src/host/secrets/cipher';

/**
 * Saved logins encrypted by the OS keychain through Electron's safeStorage (Keychain on macOS,
 * DPAPI on Windows, libsecret/kwallet on Linux). On Linux without a secret service safeStorage
 * falls back to a hard-coded key ('basic_text'): that is not a keychain, so we report it as
 * unavailable and the host keeps nothing rather than pretend.
 */
export function safeStorageCipher(safe: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & { getSelectedStorageBackend?: () => string }): KeychainCipher {
  return {
    available: () => safe.isEncryptionAvailable() && safe.getSelectedStorageBackend?.() !== 'basic_text',
    encrypt: (plain) => new Uint8Array(safe.encryptString(plain)),
    decrypt: (data) => safe.decryptString(Buffer.from(data)),
  };
}

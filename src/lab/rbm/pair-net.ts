import { randomBytes } from 'node:crypto';
import type { LabDeviceApi } from '../device/seam';

/**
 * The lab's stand-in for the wire between the two devices of a pair. Each device's control-channel
 * IP (e.g. 10.2.1.1) is represented by its own loopback address, 127.10.<pair>.1 for device A and
 * .2 for device B (all of 127/8 is local on Linux), so real TCP runs between them and several pairs
 * can use the same RBM port without clashing.
 */
export class PairNet {
  cut = false;
  /**
   * Names this wire in the channels' handshake. 127.10.<pair>.x is only unique inside one lab:
   * labs in other processes on the machine (parallel tests, benches) can use the same addresses.
   */
  readonly id = randomBytes(8).toString('hex');
  private readonly devices: LabDeviceApi[] = [];

  constructor(readonly pairIndex: number) {
    if (pairIndex < 0 || pairIndex > 255) throw new Error(`pair index ${pairIndex} out of 0..255`);
  }

  add(device: LabDeviceApi): void {
    this.devices.push(device);
  }

  loopbackOf(device: LabDeviceApi): string {
    const i = this.devices.indexOf(device);
    if (i < 0) throw new Error(`device ${device.key} is not on pair ${this.pairIndex}`);
    return `127.10.${this.pairIndex}.${i + 1}`;
  }

  peerOf(device: LabDeviceApi): LabDeviceApi | undefined {
    return this.devices.find((d) => d !== device);
  }

  /** Whether one of `device`'s interfaces carries `ip` (the only way an address exists on a device). */
  static owns(device: LabDeviceApi, ip: string): boolean {
    return PairNet.interfaceOf(device, ip) !== undefined;
  }

  static interfaceOf(device: LabDeviceApi, ip: string): string | undefined {
    return device.interfaces().find((i) => i.address?.split('/')[0] === ip || i.ipv6Addresses.some((a) => a.split('/')[0] === ip))?.name;
  }

  /** The loopback address a connection from `from` to `ip` reaches, or undefined (no route: cut, powered off, nobody has the address). */
  resolve(from: LabDeviceApi, ip: string): string | undefined {
    if (this.cut) return undefined;
    const peer = this.peerOf(from);
    if (!peer || !peer.powered() || !PairNet.owns(peer, ip)) return undefined;
    return this.loopbackOf(peer);
  }

  /**
   * Whether frames between `from` (at localIp) and its peer (at remoteIp) get through: the pair is
   * not cut and the interfaces carrying both addresses are up — so `link-down` on the channel
   * interface, or a peer losing power, silences the channel and keepalive notices.
   */
  passes(from: LabDeviceApi, localIp: string, remoteIp: string): boolean {
    if (this.cut) return false;
    const peer = this.peerOf(from);
    const localIf = PairNet.interfaceOf(from, localIp);
    const peerIf = peer && PairNet.interfaceOf(peer, remoteIp);
    return !!peer && localIf !== undefined && peerIf !== undefined && from.interfaceUp(localIf) && peer.interfaceUp(peerIf);
  }
}

/** Shared by bench/transport-serial.ts and bench/transport-ssh.ts: the 150-line configuration. */

/** 150 lines an engineer would push: interface descriptions and addresses, view by view. */
export function benchConfig(): string[] {
  const lines: string[] = [];
  for (let k = 0; lines.length < 150; k++) {
    const port = 4 + (k % 4); // GE1/0/4..7: free ports in the lab blueprint
    lines.push(`interface GigabitEthernet1/0/${port}`, `description bench ${k}: uplink to access switch ${100 + k}`, 'quit');
  }
  return lines.slice(0, 150);
}

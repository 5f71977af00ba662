/**
 * Child process for the kill -9 test: records events one by one (as the monitor does, one
 * transaction per observation) and prints each id only after record() has returned.
 */
import { EventStore } from '../../../../src/core/monitor/node/store';

const file = process.argv[2]!;
const store = new EventStore(file);
let i = 0;
const tick = () => {
  for (let k = 0; k < 5; k++) {
    i += 1;
    const id = `kill9-${i}`;
    store.record([{ id, rev: 0, pair: 'p1', time: Date.now(), kind: 'device-unreachable', device: 'a', error: `n${i}` }]);
    process.stdout.write(`${id}\n`);
  }
  setImmediate(tick);
};
tick();

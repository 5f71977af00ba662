import { useStore } from '../../../store/index';
import { DeviceConnectCard } from './DeviceConnectCard';

/** Step 1: both devices side by side; discovery opens once both are connected. */
export function ConnectStep() {
  const both = useStore((s) => s.wizard.devices.a.status === 'connected' && s.wizard.devices.b.status === 'connected');
  const goStep = useStore((s) => s.goStep);
  return (
    <>
      <div className="two-up">
        <DeviceConnectCard k="a" />
        <DeviceConnectCard k="b" />
      </div>
      <div className="button-row step-actions">
        <button type="button" className="primary" disabled={!both} onClick={() => goStep('discover')}>
          Next: discover both
        </button>
        {!both && <span className="muted">Connect both devices to go on.</span>}
      </div>
    </>
  );
}

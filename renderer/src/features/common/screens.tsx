import { NotAvailable } from './NotAvailable';

export const MonitorScreen = () => (
  <NotAvailable
    title="Monitor"
    purpose="A card per pair (channel state both ways, roles, running status, keepalive, consistency, last switchover), a timeline of events with causes and a chart of channel health."
    missing="the RBM monitor (polling, syslog receiver, event store) is not in this build."
  />
);

export const ConsoleScreen = () => (
  <NotAvailable title="Console" purpose="A terminal to any connected device, with transcript save and redaction." missing="device connections (serial and SSH transports) are not in this build." />
);

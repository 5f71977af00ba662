import { AppError } from '../core/base/errors';

/** Running operations by opId, so `ops.cancel` can abort what another call started. */
export class OpRegistry {
  private readonly running = new Map<string, AbortController>();

  begin(opId: string): AbortController {
    if (this.running.has(opId)) throw new AppError('CONFLICT', `Operation ${opId} is already running.`, { fix: 'Use a fresh opId per call.', message: { key: 'host.op-running', params: { opId } } });
    const ctrl = new AbortController();
    this.running.set(opId, ctrl);
    return ctrl;
  }

  end(opId: string): void {
    this.running.delete(opId);
  }

  cancel(opId: string): boolean {
    const ctrl = this.running.get(opId);
    if (!ctrl) return false;
    ctrl.abort(new AppError('CANCELLED', 'Cancelled by the user.', { message: { key: 'host.cancelled' } }));
    return true;
  }

  cancelAll(): void {
    for (const id of [...this.running.keys()]) this.cancel(id);
  }

  get size(): number {
    return this.running.size;
  }
}

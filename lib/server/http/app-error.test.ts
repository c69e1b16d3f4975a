import { describe, expect, it, vi } from 'vitest';

describe('AppError', () => {
  it('is recognised across copies of its module, as the separately bundled instrumentation and routes need', async () => {
    const first = await import('./app-error');
    vi.resetModules();
    const second = await import('./app-error');
    expect(second.AppError).not.toBe(first.AppError);
    const error = new second.AppError('cluster_unavailable', 'Fleetdeck is still loading the fleet.');
    expect(error instanceof first.AppError).toBe(true);
    expect(error.status).toBe(503);
    expect(new Error('plain') instanceof first.AppError).toBe(false);
    expect((null as unknown) instanceof first.AppError).toBe(false);
  });

  it('leaves subclasses to the prototype chain: an AppError is not a RolloutError', async () => {
    const { AppError } = await import('./app-error');
    const { RolloutError } = await import('../rollout/rollout-error');
    expect(new AppError('conflict', 'x') instanceof RolloutError).toBe(false);
    const rollout = new RolloutError('conflict', 'x', undefined, { createdConfigName: 'c' });
    expect(rollout instanceof RolloutError).toBe(true);
    expect(rollout instanceof AppError).toBe(true);
  });
});

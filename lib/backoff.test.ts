import { describe, expect, it } from 'vitest';
import { Backoff, fullJitterDelay } from './backoff';

const policy = { baseMs: 1000, capMs: 30_000, healthyMs: 30_000 };

describe('fullJitterDelay', () => {
  it.each([
    [0, 1000],
    [1, 2000],
    [4, 16_000],
    [5, 30_000],
    [40, 30_000],
  ])('attempt %i draws up to %i ms', (attempt, ceiling) => {
    expect(fullJitterDelay(attempt, policy, () => 0.999999)).toBe(ceiling - 1);
    expect(fullJitterDelay(attempt, policy, () => 0)).toBe(0);
    expect(fullJitterDelay(attempt, policy, () => 0.5)).toBe(ceiling / 2);
  });
});

describe('Backoff', () => {
  // Half of each ceiling, so every delay is known; the clock is moved by hand.
  function backoff() {
    let now = 0;
    const subject = new Backoff(
      policy,
      () => now,
      () => 0.5,
    );
    return { subject, wait: (ms: number) => void (now += ms) };
  }

  it('doubles each failure up to the cap', () => {
    const { subject } = backoff();
    expect(Array.from({ length: 7 }, () => subject.failed())).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000]);
  });

  it('keeps growing when a connection fails soon after it came up, however many events it carried', () => {
    const { subject, wait } = backoff();
    subject.failed();
    subject.failed();
    subject.connected();
    wait(1000);
    subject.connected();
    wait(policy.healthyMs - 1001);
    expect(subject.failed()).toBe(2000);
  });

  it('starts over once a connection stayed up for the healthy period', () => {
    const { subject, wait } = backoff();
    subject.failed();
    subject.failed();
    subject.connected();
    wait(policy.healthyMs);
    expect(subject.failed()).toBe(500);
    expect(subject.failed()).toBe(1000);
  });

  it('counts the healthy period from the first connection, not from a later renewal of it', () => {
    const { subject, wait } = backoff();
    subject.failed();
    subject.connected();
    wait(policy.healthyMs - 1);
    subject.connected();
    wait(1);
    expect(subject.failed()).toBe(500);
  });

  it('counts no time up before a deliberate close towards the healthy period', () => {
    const { subject, wait } = backoff();
    subject.failed();
    subject.connected();
    wait(policy.healthyMs - 1);
    subject.closed();
    wait(policy.healthyMs);
    expect(subject.failed()).toBe(1000);
    subject.connected();
    wait(10);
    subject.closed();
    subject.connected();
    wait(policy.healthyMs - 1);
    expect(subject.failed()).toBe(2000);
  });

  it('starts over after a healthy period that ended in a deliberate close', () => {
    const { subject, wait } = backoff();
    subject.failed();
    subject.failed();
    subject.connected();
    wait(policy.healthyMs);
    subject.closed();
    expect(subject.failed()).toBe(500);
  });

  it('starts over at once when reset', () => {
    const { subject } = backoff();
    subject.failed();
    subject.failed();
    subject.reset();
    expect(subject.failed()).toBe(500);
  });
});

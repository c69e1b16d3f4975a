import { describe, expect, it } from 'vitest';
import { alarmTransitions } from './alarm-history';

const data = (from: string, to: string, reason: string) =>
  JSON.stringify({
    version: '1.0',
    oldState: { stateValue: from, stateReason: 'before' },
    newState: { stateValue: to, stateReason: reason, stateReasonData: {} },
  });

describe('alarmTransitions', () => {
  it('reads StateUpdate items into transitions, oldest first', () => {
    const transitions = alarmTransitions([
      {
        AlarmName: 'shop-5xx',
        Timestamp: new Date('2026-12-06T10:05:00Z'),
        HistoryItemType: 'StateUpdate',
        HistorySummary: 'Alarm updated from ALARM to OK',
        HistoryData: data('ALARM', 'OK', 'Threshold Crossed: 1 datapoint [0.0] was not greater than 5.0'),
      },
      {
        AlarmName: 'shop-5xx',
        Timestamp: new Date('2026-12-06T10:01:00Z'),
        HistoryItemType: 'StateUpdate',
        HistorySummary: 'Alarm updated from OK to ALARM',
        HistoryData: data('OK', 'ALARM', 'Threshold Crossed: 1 datapoint [9.0] was greater than 5.0'),
      },
      {
        AlarmName: 'shop-5xx',
        Timestamp: new Date('2026-12-06T10:02:00Z'),
        HistoryItemType: 'ConfigurationUpdate',
        HistorySummary: 'Alarm "shop-5xx" updated',
      },
    ]);
    expect(transitions).toEqual([
      {
        alarmName: 'shop-5xx',
        at: '2026-12-06T10:01:00.000Z',
        from: 'OK',
        to: 'ALARM',
        summary: 'Alarm updated from OK to ALARM',
        reason: 'Threshold Crossed: 1 datapoint [9.0] was greater than 5.0',
      },
      {
        alarmName: 'shop-5xx',
        at: '2026-12-06T10:05:00.000Z',
        from: 'ALARM',
        to: 'OK',
        summary: 'Alarm updated from ALARM to OK',
        reason: 'Threshold Crossed: 1 datapoint [0.0] was not greater than 5.0',
      },
    ]);
  });

  it('keeps an item whose data is not JSON, without states', () => {
    const [transition] = alarmTransitions([
      {
        AlarmName: 'a',
        Timestamp: new Date('2026-12-06T10:00:00Z'),
        HistoryItemType: 'StateUpdate',
        HistorySummary: 'Alarm updated',
        HistoryData: '{not json',
      },
    ]);
    expect(transition).toEqual({ alarmName: 'a', at: '2026-12-06T10:00:00.000Z', summary: 'Alarm updated' });
  });

  it('leaves out states outside the contract', () => {
    const [transition] = alarmTransitions([
      {
        AlarmName: 'a',
        Timestamp: new Date('2026-12-06T10:00:00Z'),
        HistoryItemType: 'StateUpdate',
        HistoryData: data('OK', 'SOMETHING_ELSE', 'why'),
      },
    ]);
    expect(transition).toMatchObject({ from: 'OK', reason: 'why', summary: 'Alarm updated from OK to unknown' });
    expect(transition).not.toHaveProperty('to');
  });
});

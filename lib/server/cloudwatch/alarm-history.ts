import 'server-only';
import type { AlarmHistoryItem } from '@aws-sdk/client-cloudwatch';
import { alarmStates, type AlarmTransition } from '@/lib/api/endpoint-metrics';

type AlarmState = (typeof alarmStates)[number];

/** An alarm state as the contract names it, from DescribeAlarms or a history item's data; undefined otherwise. */
export const asState = (value: unknown): AlarmState | undefined =>
  alarmStates.includes(value as AlarmState) ? (value as AlarmState) : undefined;

interface StateData {
  oldState?: { stateValue?: unknown };
  newState?: { stateValue?: unknown; stateReason?: unknown };
}

function parseData(data: string | undefined): StateData {
  if (!data) return {};
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === 'object' && parsed !== null ? (parsed as StateData) : {};
  } catch {
    // A history item whose data is not JSON still has its summary and time to show.
    return {};
  }
}

/** The StateUpdate items of DescribeAlarmHistory as transitions, oldest first; other items are left out. */
export function alarmTransitions(items: AlarmHistoryItem[]): AlarmTransition[] {
  return items
    .filter((item) => item.HistoryItemType === 'StateUpdate' && item.AlarmName && item.Timestamp)
    .map((item) => {
      const data = parseData(item.HistoryData);
      const reason = data.newState?.stateReason;
      const from = asState(data.oldState?.stateValue);
      const to = asState(data.newState?.stateValue);
      return {
        alarmName: item.AlarmName!,
        at: new Date(item.Timestamp!).toISOString(),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        summary: item.HistorySummary ?? `Alarm updated from ${from ?? 'unknown'} to ${to ?? 'unknown'}`,
        ...(typeof reason === 'string' ? { reason } : {}),
      };
    })
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

// The SIMULATED Amazon CloudWatch as its own process (`npm run sim:cloudwatch`): AWS cannot be reached here, so the
// AWS SDK is pointed at this server through AWS_ENDPOINT_URL_CLOUDWATCH (and AWS_ENDPOINT_URL_STS, for roles) or a
// client's `endpoint` option.
import type { AddressInfo } from 'node:net';
import { startAlarmClock } from './alarm-clock';
import { defaultAlarmBookLimits } from './alarms';
import { defaultStoreLimits } from './metric-store';
import { createCloudWatchServer } from './server';
import { SimulatedCloudWatch } from './service';
import { readSettings } from './settings';
import { SimulatedSts } from './sts';

const log = (message: string) => console.log(`[cloudwatch-simulator] ${message}`);

function main() {
  const settings = readSettings(process.env);
  const cloudwatch = new SimulatedCloudWatch({
    region: settings.SIM_CLOUDWATCH_REGION,
    storeLimits: {
      ...defaultStoreLimits,
      retentionMs: settings.SIM_CLOUDWATCH_RETENTION_HOURS * 3_600_000,
      maxPointsPerMetric: settings.SIM_CLOUDWATCH_MAX_POINTS_PER_METRIC,
    },
    alarmLimits: { ...defaultAlarmBookLimits, maxHistoryPerAccount: settings.SIM_CLOUDWATCH_MAX_HISTORY_ITEMS },
  });
  const logError = (message: string) => console.error(`[cloudwatch-simulator] ${message}`);
  const { server } = createCloudWatchServer({
    cloudwatch,
    credentials: settings.SIM_CLOUDWATCH_CREDENTIALS,
    sts: new SimulatedSts(settings.SIM_STS_ROLES),
    log: logError,
  });
  const stopClock = startAlarmClock(cloudwatch, logError);
  server.on('error', (error) => {
    console.error(`[cloudwatch-simulator] ${error.message}`);
    process.exit(1);
  });
  server.listen(settings.SIM_CLOUDWATCH_PORT, settings.SIM_CLOUDWATCH_HOST, () => {
    const { address, port } = server.address() as AddressInfo;
    const users = settings.SIM_CLOUDWATCH_CREDENTIALS.map((credential) => credential.userName).join(', ');
    const roles = Object.keys(settings.SIM_STS_ROLES);
    log(`region ${settings.SIM_CLOUDWATCH_REGION}, identities: ${users}; roles: ${roles.join(', ') || 'none'}`);
    log(`listening on http://${address}:${port}`);
  });

  const shutdown = () => {
    log('stopping');
    stopClock();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

try {
  main();
} catch (error) {
  console.error(`[cloudwatch-simulator] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

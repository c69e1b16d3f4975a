import { describe, expect, it } from 'vitest';
import { defaultCredentials, readSettings } from './settings';

describe('the simulated CloudWatch’s settings', () => {
  it('default to us-west-2 and the two default identities', () => {
    const settings = readSettings({});
    expect(settings.SIM_CLOUDWATCH_REGION).toBe('us-west-2');
    expect(settings.SIM_CLOUDWATCH_CREDENTIALS).toEqual([defaultCredentials.allowed, defaultCredentials.denied]);
    expect(settings.SIM_CLOUDWATCH_RETENTION_HOURS).toBe(192);
  });

  it('read identities from JSON, with no denied actions unless given', () => {
    const settings = readSettings({
      SIM_CLOUDWATCH_PORT: '0',
      SIM_CLOUDWATCH_CREDENTIALS: JSON.stringify([
        { accessKeyId: 'AKIA1', secretAccessKey: 's', accountId: '210987654321', userName: 'reader' },
      ]),
    });
    expect(settings.SIM_CLOUDWATCH_PORT).toBe(0);
    expect(settings.SIM_CLOUDWATCH_CREDENTIALS).toEqual([
      { accessKeyId: 'AKIA1', secretAccessKey: 's', accountId: '210987654321', userName: 'reader', deny: [] },
    ]);
  });

  it('read the roles STS lets callers assume, none by default', () => {
    expect(readSettings({}).SIM_STS_ROLES).toEqual({});
    const roles = { 'arn:aws:iam::210987654321:role/reader': ['AKIAFLEETDECKSIM0001'] };
    expect(readSettings({ SIM_STS_ROLES: JSON.stringify(roles) }).SIM_STS_ROLES).toEqual(roles);
    expect(() => readSettings({ SIM_STS_ROLES: '[' })).toThrow(/SIM_STS_ROLES: must be a JSON object/);
    expect(() => readSettings({ SIM_STS_ROLES: JSON.stringify({ reader: ['AKIA1'] }) })).toThrow(
      /SIM_STS_ROLES: "reader" is not an IAM role ARN/,
    );
  });

  it('refuse what they cannot use, naming the variable', () => {
    expect(() => readSettings({ SIM_CLOUDWATCH_CREDENTIALS: 'not json' })).toThrow(/SIM_CLOUDWATCH_CREDENTIALS/);
    expect(() =>
      readSettings({ SIM_CLOUDWATCH_CREDENTIALS: JSON.stringify([{ accessKeyId: 'A', secretAccessKey: 's' }]) }),
    ).toThrow(/SIM_CLOUDWATCH_CREDENTIALS/);
    const twice = { accessKeyId: 'A', secretAccessKey: 's', accountId: '123456789012', userName: 'u' };
    expect(() => readSettings({ SIM_CLOUDWATCH_CREDENTIALS: JSON.stringify([twice, twice]) })).toThrow(/appears twice/);
    expect(() => readSettings({ SIM_CLOUDWATCH_PORT: 'http' })).toThrow(/SIM_CLOUDWATCH_PORT/);
  });
});

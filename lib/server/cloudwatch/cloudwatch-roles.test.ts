import { describe, expect, it } from 'vitest';
import { parseServerConfig } from '../config';

const base = { KUBECONFIG: '/tmp/fleetdeck-server.kubeconfig' };
const roles = (value: string | undefined) =>
  parseServerConfig({ ...base, FLEETDECK_CLOUDWATCH_ROLES: value }).FLEETDECK_CLOUDWATCH_ROLES;

describe('FLEETDECK_CLOUDWATCH_ROLES', () => {
  it('maps no account when unset or blank', () => {
    expect(roles(undefined).size).toBe(0);
    expect(roles('  ').size).toBe(0);
    expect(roles('{}').size).toBe(0);
  });

  it('maps each owner account to its role, in any partition and with a path', () => {
    const mapped = roles(
      JSON.stringify({
        '210987654321': 'arn:aws:iam::210987654321:role/fleetdeck-cloudwatch',
        '012345678901': 'arn:aws-us-gov:iam::012345678901:role/platform/readers/fleetdeck',
        // Another account's role, as ACK's own map allows.
        '111122223333': 'arn:aws:iam::444455556666:role/central-reader',
      }),
    );
    expect([...mapped]).toEqual([
      ['210987654321', 'arn:aws:iam::210987654321:role/fleetdeck-cloudwatch'],
      ['012345678901', 'arn:aws-us-gov:iam::012345678901:role/platform/readers/fleetdeck'],
      ['111122223333', 'arn:aws:iam::444455556666:role/central-reader'],
    ]);
  });

  it('refuses at boot what is not a JSON object, naming the variable and the form it takes', () => {
    for (const value of ['210987654321=arn:aws:iam::210987654321:role/x', '[]', '"text"', 'null']) {
      expect(() => roles(value)).toThrow(
        /FLEETDECK_CLOUDWATCH_ROLES: must be a JSON object of 12-digit account ids to IAM role ARNs, such as \{"210987654321"/,
      );
    }
  });

  it('names a bad account id and a bad role ARN', () => {
    expect(() => roles('{"12345":"arn:aws:iam::123456789012:role/x"}')).toThrow(
      /FLEETDECK_CLOUDWATCH_ROLES: "12345" is not a 12-digit AWS account id/,
    );
    for (const arn of [
      'arn:aws:iam::210987654321:user/fleetdeck',
      'arn:aws:sts::210987654321:assumed-role/x/y',
      'arn:aws:iam::2109876543:role/x',
      'fleetdeck-cloudwatch',
      'arn:aws:iam::210987654321:role/',
    ]) {
      expect(() => roles(JSON.stringify({ '210987654321': arn }))).toThrow(
        /FLEETDECK_CLOUDWATCH_ROLES: account 210987654321: ".*" is not an IAM role ARN/,
      );
    }
    expect(() => roles('{"210987654321":42}')).toThrow(/account 210987654321: 42 is not an IAM role ARN/);
  });
});

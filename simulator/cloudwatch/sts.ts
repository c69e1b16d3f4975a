// The SIMULATED AWS STS, AssumeRole only: what a dashboard reading CloudWatch in another account does. A role is
// known by its ARN and trusts the identities (access keys) listed for it, as a trust policy would. The temporary
// credentials it issues act in the role's account, so CloudWatch calls signed with them see that account's metrics
// and alarms. Its errors are the front end's codes (AccessDenied, ValidationError...), as AWS's STS answers them.
import { createHash, randomBytes } from 'node:crypto';
import { CloudWatchError, validationError } from './errors';
import type { SimulatorCredential } from './settings';

/** Role ARN → the access keys whose identities its trust policy allows to assume it. */
export type StsRoles = Record<string, string[]>;

export const roleArnPattern = /^arn:aws[-a-z]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
export const stsVersion = '2011-06-15';
/** A role's longest session: AWS's default MaxSessionDuration, and the limit when a role assumes another. */
export const maxSessionSeconds = 3600;
const minSessionSeconds = 900;

/** Temporary credentials as AssumeRole issued them: a credential of the role's account, until `expiresMs`. */
export interface IssuedCredential extends SimulatorCredential {
  sessionToken: string;
  expiresMs: number;
  assumedRoleArn: string;
  assumedRoleId: string;
}

/** The ARN IAM names a caller by in its refusals: a user, or the role session temporary credentials belong to. */
export const callerArn = (caller: SimulatorCredential): string =>
  'assumedRoleArn' in caller && typeof caller.assumedRoleArn === 'string'
    ? caller.assumedRoleArn
    : `arn:aws:iam::${caller.accountId}:user/${caller.userName}`;

const randomText = (alphabet: string, length: number) =>
  Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');

export class SimulatedSts {
  private readonly issued = new Map<string, IssuedCredential>();

  constructor(private readonly roles: StsRoles = {}) {}

  /** An awsQuery request's answer: AssumeRole's credentials, or a CloudWatchError as STS would refuse it. */
  handle(params: URLSearchParams, caller: SimulatorCredential, nowMs: number): IssuedCredential {
    const action = params.get('Action') ?? '';
    const version = params.get('Version') ?? '';
    if (action !== 'AssumeRole' || version !== stsVersion) {
      throw new CloudWatchError('InvalidAction', `Could not find operation ${action} for version ${version}`);
    }
    return this.assumeRole(caller, params, nowMs);
  }

  private assumeRole(caller: SimulatorCredential, params: URLSearchParams, nowMs: number): IssuedCredential {
    const roleArn = params.get('RoleArn');
    const sessionName = params.get('RoleSessionName');
    const durationText = params.get('DurationSeconds');
    const problems = [
      roleArn ? '' : "Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
      sessionName ? '' : "Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
      !sessionName || /^[\w+=,.@-]{2,64}$/.test(sessionName)
        ? ''
        : `Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    ].filter(Boolean);
    if (problems.length > 0 || !roleArn || !sessionName) {
      throw validationError(`${problems.length} validation error detected: ${problems.join('; ')}`);
    }
    const role = roleArnPattern.exec(roleArn);
    if (!role) throw validationError(`${roleArn} is invalid`);
    const seconds = durationText === null ? maxSessionSeconds : Number(durationText);
    if (!Number.isInteger(seconds) || seconds < minSessionSeconds) {
      throw validationError(
        `1 validation error detected: Value '${durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to ${minSessionSeconds}`,
      );
    }
    if (seconds > maxSessionSeconds) {
      throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    }
    // A role that does not exist is refused as one whose trust policy leaves the caller out: AWS says no more.
    if (!this.roles[roleArn]?.includes(caller.accessKeyId)) {
      throw new CloudWatchError(
        'AccessDenied',
        `User: ${callerArn(caller)} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      );
    }
    const [, accountId = '', roleName = ''] = role;
    const roleId = `AROA${createHash('sha256').update(roleArn).digest('hex').slice(0, 17).toUpperCase()}`;
    this.forgetExpired(nowMs);
    const credential: IssuedCredential = {
      accessKeyId: `ASIA${randomText('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(96).toString('base64'),
      accountId,
      userName: `assumed-role/${roleName}/${sessionName}`,
      deny: [],
      expiresMs: nowMs + seconds * 1000,
      assumedRoleArn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
      assumedRoleId: `${roleId}:${sessionName}`,
    };
    this.issued.set(credential.accessKeyId, credential);
    return credential;
  }

  /** The temporary credential of the access key, if this STS issued it; ExpiredToken once it has expired. */
  credential(accessKeyId: string, nowMs: number): IssuedCredential | undefined {
    const credential = this.issued.get(accessKeyId);
    if (credential && credential.expiresMs <= nowMs) {
      throw new CloudWatchError('ExpiredToken', 'The security token included in the request is expired');
    }
    return credential;
  }

  // Issued credentials are kept until they expire, at most an hour: a few per client, however long the run.
  private forgetExpired(nowMs: number) {
    for (const [key, credential] of this.issued) if (credential.expiresMs <= nowMs) this.issued.delete(key);
  }
}

import 'server-only';
import { z } from 'zod';

/** Owner account id → the IAM role Fleetdeck assumes to read that account's CloudWatch. */
export type CloudWatchRoles = ReadonlyMap<string, string>;

const accountIdPattern = /^\d{12}$/;
// Any partition (aws, aws-cn, aws-us-gov...), an optional path, and IAM's role name characters.
const roleArnPattern = /^arn:aws[-a-z]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

const example = '{"210987654321":"arn:aws:iam::210987654321:role/fleetdeck-cloudwatch"}';

/**
 * FLEETDECK_CLOUDWATCH_ROLES as a JSON object, the form both an environment variable and Helm's `toJson` write
 * without quoting rules of their own. Unset or blank maps no account: every endpoint is read with the default
 * chain's identity. A role's ARN may name another account than its key, as ACK's own map allows; CloudWatch is
 * then read in the role's account.
 */
export const cloudWatchRolesSetting = z
  .string()
  .optional()
  .transform((text, context): CloudWatchRoles => {
    const roles = new Map<string, string>();
    if (text === undefined || text.trim() === '') return roles;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      context.addIssue({
        code: 'custom',
        message: `must be a JSON object of 12-digit account ids to IAM role ARNs, such as ${example}`,
      });
      return z.NEVER;
    }
    for (const [account, arn] of Object.entries(parsed)) {
      if (!accountIdPattern.test(account)) {
        context.addIssue({ code: 'custom', message: `${JSON.stringify(account)} is not a 12-digit AWS account id` });
      } else if (typeof arn !== 'string' || !roleArnPattern.test(arn)) {
        context.addIssue({
          code: 'custom',
          message: `account ${account}: ${JSON.stringify(arn)} is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`,
        });
      } else roles.set(account, arn);
    }
    return roles;
  });

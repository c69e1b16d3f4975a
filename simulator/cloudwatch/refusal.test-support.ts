// For the unit tests beside this file: what the simulated CloudWatch refused a call with. Test code only.
import { CloudWatchError } from './errors';

/** The CloudWatchError the call threw, as code and message; fails the test when the call went through. */
export function refusal(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof CloudWatchError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the call succeeded');
}

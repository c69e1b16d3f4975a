// The last lines of a test run name each failure and what it said, so a log read from its end (as CI logs
// often are) shows why it failed, not only which attachments it left.
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { addToRecap, digestOf, type Failure } from '../../test/support/failure-digest';

export default class FailureDigestReporter implements Reporter {
  private readonly failures: Failure[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'passed' || result.status === 'skipped' || result.status === test.expectedStatus) return;
    this.failures.push({
      where: `${test.location.file.split('/').slice(-2).join('/')}:${test.location.line}`,
      title: test.title,
      status: result.status,
      seconds: Math.round(result.duration / 1000),
      messages: result.errors.map((error) => error.message ?? error.value ?? ''),
    });
  }

  onEnd(result: FullResult): void {
    if (this.failures.length === 0) return;
    console.log(`\nWhat failed (${result.status}):\n${this.failures.map(digestOf).join('\n')}`);
    addToRecap('e2e', this.failures);
  }

  printsToStdio(): boolean {
    return true;
  }
}

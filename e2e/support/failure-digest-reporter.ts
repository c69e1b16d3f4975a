// The last lines of a test run name each failure and what it said, so a log read from its end (as CI logs
// often are) shows why it failed, not only which attachments it left.
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

const LINES_PER_FAILURE = 12;
// ANSI colour codes, which the error messages carry for a terminal.
const ansi = /\u001b\[[0-9;]*m/g;

export default class FailureDigestReporter implements Reporter {
  private readonly failures: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'passed' || result.status === 'skipped' || result.status === test.expectedStatus) return;
    const where = `${test.location.file.split('/').slice(-2).join('/')}:${test.location.line}`;
    const said = result.errors
      .flatMap((error) => (error.message ?? error.value ?? '').replace(ansi, '').split('\n'))
      .filter((line) => line.trim() !== '')
      .slice(0, LINES_PER_FAILURE);
    this.failures.push(
      [
        `✘ ${where} › ${test.title} (${result.status} after ${Math.round(result.duration / 1000)} s)`,
        ...said.map((line) => `    ${line}`),
      ].join('\n'),
    );
  }

  onEnd(result: FullResult): void {
    if (this.failures.length === 0) return;
    console.log(`\nWhat failed (${result.status}):\n${this.failures.join('\n')}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}

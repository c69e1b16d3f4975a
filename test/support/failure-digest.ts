// One way to name a failed test and what it said, for the digests printed at the end of each test run (vitest's
// and Playwright's) and for the recap `npm test` prints last. CI logs are often read from their end, so the last
// lines must say which tests failed and why, not only which suite.
import { appendFileSync } from 'node:fs';

const LINES_PER_FAILURE = 12;
const RECAP_LINE_CHARS = 200;
// ANSI colour codes, which error messages carry for a terminal.
const ansi = /\u001b\[[0-9;]*m/g;

export type Failure = {
  where: string;
  title: string;
  status: string;
  seconds?: number;
  messages: readonly string[];
};

function messageLines(failure: Failure): string[] {
  return failure.messages
    .flatMap((message) => message.replace(ansi, '').split('\n'))
    .filter((line) => line.trim() !== '');
}

function heading(failure: Failure): string {
  const took = failure.seconds === undefined ? '' : ` after ${failure.seconds} s`;
  return `✘ ${failure.where} › ${failure.title} (${failure.status}${took})`;
}

/** A failure in a few lines: where, which test, and the first lines of what it said. */
export function digestOf(failure: Failure): string {
  const said = messageLines(failure).slice(0, LINES_PER_FAILURE);
  return [heading(failure), ...said.map((line) => `    ${line}`)].join('\n');
}

/**
 * Adds a one-line summary of each failure to the file `npm test` names in FLEETDECK_FAILURE_RECAP, which it
 * prints after every suite has run; outside `npm test` this does nothing.
 */
export function addToRecap(suite: string, failures: readonly Failure[]): void {
  const recap = process.env.FLEETDECK_FAILURE_RECAP;
  if (!recap || failures.length === 0) return;
  const lines = failures.map((failure) => {
    const first = messageLines(failure)[0]?.trim() ?? '';
    return `${suite}: ${heading(failure)}: ${first}`.slice(0, RECAP_LINE_CHARS);
  });
  appendFileSync(recap, `${lines.join('\n')}\n`);
}

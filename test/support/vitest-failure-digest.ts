// Vitest's own report lists failures first and its summary last; this reporter adds, after both, the digest of
// each failure (test/support/failure-digest.ts), so the end of a long log says which tests failed and why.
import type { Reporter, TestModule, TestSuite } from 'vitest/node';
import type { SerializedError } from 'vitest';
import { addToRecap, digestOf, type Failure } from './failure-digest';

function messagesOf(errors: readonly SerializedError[] | undefined): string[] {
  return (errors ?? []).map((error) => error.message ?? String(error));
}

function failuresIn(module: TestModule): Failure[] {
  const file = module.relativeModuleId;
  const failures: Failure[] = [];
  // Errors outside any test: a file that fails to load, or a beforeAll/afterAll hook that throws.
  const containers: (TestModule | TestSuite)[] = [module, ...module.children.allSuites()];
  for (const container of containers) {
    const errors = container.errors();
    if (errors.length === 0) continue;
    failures.push({
      where: container.type === 'module' ? file : `${file}:${container.location?.line ?? '?'}`,
      title: container.type === 'module' ? '(the file itself)' : container.fullName,
      status: 'failed in a hook',
      messages: messagesOf(errors),
    });
  }
  for (const test of module.children.allTests('failed')) {
    const result = test.result();
    failures.push({
      where: `${file}:${test.location?.line ?? '?'}`,
      title: test.fullName,
      status: 'failed',
      seconds: Math.round((test.diagnostic()?.duration ?? 0) / 1000),
      messages: messagesOf(result.errors),
    });
  }
  return failures;
}

export default class VitestFailureDigest implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const failures = testModules.flatMap(failuresIn);
    if (unhandledErrors.length > 0) {
      failures.push({
        where: '(no file)',
        title: 'unhandled errors',
        status: 'failed',
        messages: messagesOf(unhandledErrors),
      });
    }
    if (failures.length === 0) return;
    const project = testModules[0]?.project.name ?? 'vitest';
    console.log(`\nWhat failed:\n${failures.map(digestOf).join('\n')}`);
    addToRecap(project, failures);
  }
}

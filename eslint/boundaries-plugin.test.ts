import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import plugin from './boundaries-plugin.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

tester.run('no-server-in-browser-code', plugin.rules['no-server-in-browser-code'], {
  valid: [
    { filename: 'components/endpoints/table.tsx', code: "import { x } from '@/lib/endpoints/endpoint-row';" },
    { filename: 'app/page.tsx', code: "import { listEndpoints } from '@/lib/server/k8s/list-endpoints';" },
    { filename: 'lib/server/k8s/a.ts', code: "import 'server-only'; import { b } from '../config';" },
  ],
  invalid: [
    {
      filename: 'components/endpoints/table.tsx',
      code: "import { listEndpoints } from '@/lib/server/k8s/list-endpoints';",
      errors: [{ messageId: 'forbidden' }],
    },
    {
      filename: 'lib/query/endpoints.ts',
      code: "import { KubeConfig } from '@kubernetes/client-node';",
      errors: [{ messageId: 'forbidden' }],
    },
    {
      filename: 'app/endpoints/live.tsx',
      code: "'use client';\nimport { serverConfig } from '../../lib/server/config';",
      errors: [{ messageId: 'forbidden' }],
    },
    {
      filename: 'app/endpoints/live.tsx',
      code: "'use client';\nexport { serverConfig } from '@/lib/server/config';",
      errors: [{ messageId: 'forbidden' }],
    },
  ],
});

tester.run('server-only-first', plugin.rules['server-only-first'], {
  valid: [
    { filename: 'lib/server/k8s/a.ts', code: "import 'server-only';\nimport { z } from 'zod';" },
    { filename: 'lib/endpoints/health.ts', code: "import { z } from 'zod';" },
  ],
  invalid: [
    {
      filename: 'lib/server/k8s/a.ts',
      code: "import { z } from 'zod';\nimport 'server-only';",
      errors: [{ messageId: 'missing' }],
    },
    { filename: 'lib/server/config.ts', code: 'export const a = 1;', errors: [{ messageId: 'missing' }] },
  ],
});

tester.run('kebab-case-file-names', plugin.rules['kebab-case-file-names'], {
  valid: [
    { filename: 'components/endpoint-list/endpoint-row.tsx', code: '' },
    { filename: 'lib/endpoints/fixtures.test-support.ts', code: '' },
    { filename: 'eslint/boundaries-plugin.d.mts', code: '' },
    { filename: 'app/api/[...path]/route.ts', code: '' },
  ],
  invalid: [
    { filename: 'components/ui/StatusBadge.tsx', code: '', errors: [{ messageId: 'notKebab' }] },
    { filename: 'lib/endpoints/fleet_row.ts', code: '', errors: [{ messageId: 'notKebab' }] },
    { filename: 'lib/endpoints/fleetRow.test.ts', code: '', errors: [{ messageId: 'notKebab' }] },
  ],
});

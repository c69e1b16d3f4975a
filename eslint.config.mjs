import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import boundaries from './eslint/boundaries-plugin.mjs';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    plugins: { fleetdeck: boundaries },
    rules: {
      'fleetdeck/no-server-in-browser-code': 'error',
      'fleetdeck/server-only-first': 'error',
      'fleetdeck/kebab-case-file-names': 'error',
      // A cycle makes module initialisation order matter and hides which module owns a concept.
      'import/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
      // CR text is rendered as text, always.
      'react/no-danger': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render custom-resource text as text.',
        },
      ],
    },
  },
  {
    // Tests and tooling may use `any` where they read untyped YAML.
    files: ['**/*.test.ts', 'test/**', 'scripts/**', 'harness/**', 'bench/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  { ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
];

export default config;

import type { Rule } from 'eslint';

declare const plugin: {
  meta: { name: string };
  rules: {
    'no-server-in-browser-code': Rule.RuleModule;
    'server-only-first': Rule.RuleModule;
    'kebab-case-file-names': Rule.RuleModule;
  };
};
export default plugin;

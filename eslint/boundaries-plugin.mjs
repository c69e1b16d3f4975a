// Lint rules that keep code where it may run: browser code never reaches lib/server, and every lib/server
// module declares itself server-only so a mistaken import fails the build instead of shipping secrets.
// Also: file names are kebab-case.

const SERVER_PATH = /(^|\/)lib\/server(\/|$)/;

function isServerImport(source) {
  return SERVER_PATH.test(source) || source === 'server-only' || source === '@kubernetes/client-node';
}

function hasUseClientDirective(program) {
  return program.body.some((node) => node.type === 'ExpressionStatement' && node.directive === 'use client');
}

function importSources(program) {
  const sources = [];
  for (const node of program.body) {
    if (
      (node.type === 'ImportDeclaration' ||
        node.type === 'ExportNamedDeclaration' ||
        node.type === 'ExportAllDeclaration') &&
      node.source
    ) {
      sources.push({ node, value: String(node.source.value) });
    }
  }
  return sources;
}

/** Files under components/, lib/query/ and any 'use client' module must not import server code. */
const noServerInBrowserCode = {
  meta: {
    type: 'problem',
    docs: { description: 'forbid importing lib/server (or the Kubernetes client) from browser code' },
    messages: {
      forbidden: "'{{source}}' is server-only and must not be imported from browser code ({{why}}).",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename.replaceAll('\\', '/');
    const browserByPath = /(^|\/)(components|lib\/query)\//.test(file);
    return {
      Program(program) {
        const why = browserByPath ? 'components/ and lib/query/ run in the browser' : "a 'use client' module";
        if (!browserByPath && !hasUseClientDirective(program)) return;
        for (const { node, value } of importSources(program)) {
          if (isServerImport(value)) context.report({ node, messageId: 'forbidden', data: { source: value, why } });
        }
      },
    };
  },
};

/** Every module under lib/server/ starts with `import 'server-only'`. */
const serverOnlyFirst = {
  meta: {
    type: 'problem',
    docs: { description: "require `import 'server-only'` as the first statement of lib/server modules" },
    messages: { missing: "A lib/server module must start with `import 'server-only';`." },
    schema: [],
  },
  create(context) {
    const file = context.filename.replaceAll('\\', '/');
    if (!/(^|\/)lib\/server\//.test(file) || /\.test\.tsx?$/.test(file)) return {};
    return {
      Program(program) {
        const first = program.body[0];
        const ok =
          first?.type === 'ImportDeclaration' && first.source.value === 'server-only' && first.specifiers.length === 0;
        if (!ok) context.report({ node: first ?? program, messageId: 'missing' });
      },
    };
  },
};

// kebab-case words, then dotted suffixes such as `.test`, `.d` or `.test-support`, then the extension.
const KEBAB_FILE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*\.[cm]?[jt]sx?$/;

/** File names are kebab-case, so imports read the same on case-sensitive and case-insensitive disks. */
const kebabCaseFileNames = {
  meta: {
    type: 'suggestion',
    docs: { description: 'require kebab-case file names' },
    messages: { notKebab: "File name '{{name}}' is not kebab-case (words in lower case joined by '-')." },
    schema: [],
  },
  create(context) {
    const name = context.filename.replaceAll('\\', '/').split('/').pop() ?? '';
    return {
      Program(program) {
        if (!KEBAB_FILE_NAME.test(name)) context.report({ node: program, messageId: 'notKebab', data: { name } });
      },
    };
  },
};

const plugin = {
  meta: { name: 'fleetdeck-boundaries' },
  rules: {
    'no-server-in-browser-code': noServerInBrowserCode,
    'server-only-first': serverOnlyFirst,
    'kebab-case-file-names': kebabCaseFileNames,
  },
};

export default plugin;

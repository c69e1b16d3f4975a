// The provider's HTML pages. Plain, self-contained markup: no external fonts or scripts, so a browser test
// never waits on the network, and labels and buttons are named the way tests look them up.

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const styles =
  'body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0}' +
  'main{max-width:22rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0003}' +
  'h1{font-size:1.3rem;margin-top:0}label{display:block;margin-top:1rem;font-weight:600}' +
  'input{display:block;width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem}' +
  'button{margin-top:1.25rem;padding:.6rem 1rem;width:100%}' +
  '[role=alert]{color:#a00;background:#fee;padding:.5rem;border-radius:4px}';

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
  `<meta name="viewport" content="width=device-width, initial-scale=1"><style>${styles}</style></head>` +
  `<body><main>${body}</main></body></html>`;

export const loginErrorMessage = 'Wrong username or password.';

export function loginPage(input: { uid: string; clientName: string; username?: string; error?: string }): string {
  const alert = input.error ? `<p role="alert">${escapeHtml(input.error)}</p>` : '';
  return page(
    'Sign in',
    `<h1>Sign in</h1><p>to continue to ${escapeHtml(input.clientName)}</p>${alert}` +
      `<form method="post" action="/interaction/${encodeURIComponent(input.uid)}/login">` +
      `<label for="username">Username</label>` +
      `<input id="username" name="username" autocomplete="username" required autofocus value="${escapeHtml(input.username ?? '')}">` +
      `<label for="password">Password</label>` +
      `<input id="password" name="password" type="password" autocomplete="current-password" required>` +
      `<button type="submit">Sign in</button></form>`,
  );
}

/** RP-initiated logout asks the person first; `form` is the provider's own form (id op.logoutForm, xsrf). */
export function logoutPage(host: string, form: string): string {
  return page(
    'Sign out',
    `<h1>Do you want to sign out from ${escapeHtml(host)}?</h1>${form}` +
      `<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>` +
      `<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

export function signedOutPage(clientName: string | undefined): string {
  const from = clientName ? ` from ${escapeHtml(clientName)}` : '';
  return page('Signed out', `<h1>Signed out</h1><p>You have signed out${from}.</p>`);
}

export function errorPage(fields: object): string {
  const rows = Object.entries(fields)
    .map(([key, value]) => `<p><strong>${escapeHtml(key)}</strong>: ${escapeHtml(String(value))}</p>`)
    .join('');
  return page('Error', `<h1>Something went wrong</h1>${rows}`);
}

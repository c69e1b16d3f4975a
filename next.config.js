// @ts-check

// Sent on every response. The nonce-based Content-Security-Policy is added per request by the proxy,
// because a nonce cannot be static.
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The Kubernetes client is a Node library with optional native pieces; keep it out of the server bundle.
  serverExternalPackages: ['@kubernetes/client-node'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

module.exports = nextConfig;

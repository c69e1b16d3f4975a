// @ts-check

// Browser features Fleetdeck never uses, turned off for it and anything it could be made to embed. The
// clipboard stays: the rollout form copies a preset link.
const unusedFeatures = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

// Sent on every response. The nonce-based Content-Security-Policy and, over https, HSTS are added per
// request by the proxy (proxy.ts): a nonce cannot be static, and these headers are fixed at build time.
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: unusedFeatures.map((feature) => `${feature}=()`).join(', ') },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A self-contained server folder (only the files it needs) for the production image; scripts/
  // assemble-standalone.mjs adds the browser assets and the start script.
  output: 'standalone',
  reactStrictMode: true,
  // The Kubernetes client is a Node library with optional native pieces; keep it out of the server bundle.
  serverExternalPackages: ['@kubernetes/client-node'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

module.exports = nextConfig;

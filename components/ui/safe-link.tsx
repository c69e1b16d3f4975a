import type { ReactNode } from 'react';

// Hosts a link taken from a custom resource may point at: AWS consoles and AWS service endpoints. Anything a
// CR author could choose to send a reader elsewhere (another host, http:, javascript:, credentials in the URL,
// an odd port) is shown as text instead. `subdomains` allows any name under the host, as region consoles
// (us-west-2.console.aws.amazon.com) and service endpoints (s3.us-west-2.amazonaws.com) need.
const allowedHosts: readonly { host: string; subdomains: boolean }[] = [
  { host: 'console.aws.amazon.com', subdomains: true },
  { host: 'docs.aws.amazon.com', subdomains: false },
  { host: 'amazonaws.com', subdomains: true },
  { host: 'console.amazonaws.cn', subdomains: true },
  { host: 'amazonaws.com.cn', subdomains: true },
  { host: 'console.amazonaws-us-gov.com', subdomains: true },
];

const hostAllowed = (hostname: string) =>
  allowedHosts.some(({ host, subdomains }) => hostname === host || (subdomains && hostname.endsWith(`.${host}`)));

/** The URL to link to when `href` is an https URL on an allowed AWS host, else undefined (show it as text). */
export function safeExternalUrl(href: string | undefined): string | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return undefined;
  return hostAllowed(url.hostname) ? url.href : undefined;
}

/**
 * The one way a link built from custom-resource fields is rendered: an external link when the URL is allowed,
 * else its text, never a link. Opens in a new tab, says so to screen readers, and sends no referrer.
 */
export function SafeLink({
  href,
  children,
  className = '',
}: {
  href: string | undefined;
  children?: ReactNode;
  className?: string;
}) {
  const url = safeExternalUrl(href);
  if (!url) return <span className={className}>{children ?? href}</span>;
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      className={`text-sky-800 underline underline-offset-2 dark:text-sky-300 ${className}`}
    >
      {children ?? url}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const links = [
  { href: '/', label: 'Overview', matches: (path: string) => path === '/' },
  { href: '/endpoints', label: 'Endpoints', matches: (path: string) => path.startsWith('/endpoints') },
  { href: '/models', label: 'Models', matches: (path: string) => path.startsWith('/models') },
];

/** The main sections; the current one is marked for assistive technology, not only by colour. */
export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex gap-1">
        {links.map((link) => {
          const current = link.matches(pathname);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? 'page' : undefined}
                className={`rounded px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800 ${current ? 'bg-slate-200 dark:bg-slate-700' : ''}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

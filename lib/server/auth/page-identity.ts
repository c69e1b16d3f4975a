import 'server-only';
import { headers } from 'next/headers';
import { identify, type Identity } from './identity';

/** The caller of a server-rendered page, identified exactly as API routes identify theirs. */
export async function pageIdentity(): Promise<Identity | undefined> {
  const incoming = await headers();
  const host = incoming.get('host') ?? 'localhost';
  return identify({ url: `http://${host}/`, headers: incoming });
}

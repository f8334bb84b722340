/**
 * The key that keeps two MegaWMS accounts apart in one cache. It holds no secret: the
 * customer code, the integration's name and the server's host, which together name an
 * account. The desktop app and the `station` command must derive it the same way, or
 * they would not share one cache: this is the same form as the CLI's `accountKeyOf`.
 */
import type { Account } from '../../../shared/domain';

/** `80000/OOPSTON1@my.megawms.com`: same account on the same server, same key. */
export function accountKeyOf(account: Account, baseUrl: string): string {
  let host = baseUrl.trim();
  try {
    host = new URL(host).host.toLowerCase();
  } catch {
    // Not a URL: compared as typed (the client reports a bad address when it is used).
  }
  return `${account.customerCode.trim()}/${account.apiName.trim()}@${host}`;
}

/** The key of the built-in sandbox's account, whatever port it runs on this time. */
export const DEMO_ACCOUNT_KEY = 'demo';

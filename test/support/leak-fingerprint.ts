/**
 * The strings that belong to one demo account and to no other: if any of them
 * shows up while another account is logged in, that is a leak.
 */
import { DEMO_ACCOUNTS, loadAccountState } from '../../src/mocks/demo-accounts.js';
import { stringLeaves } from './page-strings.js';

export function fingerprintOf(accountId: string): string[] {
  const others = new Set<string>();
  for (const account of DEMO_ACCOUNTS) {
    if (account.accountId === accountId) continue;
    for (const value of stringLeaves(loadAccountState(account.accountId))) others.add(value);
  }
  const own = new Set(stringLeaves(loadAccountState(accountId)));
  // Short strings and time stamps are too generic to prove anything.
  return [...own].filter((value) => value.length >= 3 && !others.has(value) && !/^\d{4}-\d{2}-\d{2}/.test(value));
}

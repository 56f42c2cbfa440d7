import { createHash, randomBytes } from 'node:crypto';
import type { Once } from '../app/once.js';
import type { StateStore } from '../store/types.js';

/** How long a dashboard sign-in link works, once. */
export const LINK_TTL_MS = 15 * 60_000;

const keyOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** Why a sign-in link was refused, as the page says it. */
export type LinkRefusal = 'unknown or expired' | 'already used';

/**
 * One-time sign-in links to the advisor dashboard. The token is random; only its hash is kept in
 * the store (15 minutes), so any instance accepts it and a stolen store copy signs nobody in; a
 * claim makes it single use across instances.
 */
export class SignInLinks {
  constructor(
    private readonly state: StateStore,
    private readonly once: Once,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new link's token, for `who` (how the audit log names the person: "CLI", "Slack advisor"). */
  async issue(who: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.state.setState(`admin:link:${keyOf(token)}`, who.slice(0, 80), this.now() + LINK_TTL_MS);
    return token;
  }

  /** Who the link was issued for, or why it cannot sign anyone in. */
  async redeem(token: string): Promise<{ who: string } | { refused: LinkRefusal }> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { refused: 'unknown or expired' };
    const key = keyOf(token);
    const who = await this.state.getState(`admin:link:${key}`);
    if (who === null) return (await this.state.getState(`admin:link-used:${key}`)) ? { refused: 'already used' } : { refused: 'unknown or expired' };
    if (!(await this.once.claim(`admin:link-claim:${key}`, LINK_TTL_MS))) return { refused: 'already used' };
    await this.state.setState(`admin:link-used:${key}`, '1', this.now() + LINK_TTL_MS);
    await this.state.deleteState(`admin:link:${key}`);
    return { who };
  }
}

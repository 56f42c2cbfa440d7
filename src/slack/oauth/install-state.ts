import { randomBytes } from 'node:crypto';
import type { InstallURLOptions, StateStore as OAuthStateStore } from '@slack/bolt';
import type { StateStore } from '../../store/types.js';
import type { Once } from '../../app/once.js';

/** How long an install link's state stays valid: Slack's consent screen takes a minute or two. */
export const INSTALL_STATE_TTL_MS = 10 * 60_000;

/** Raised when the OAuth callback's `state` is unknown, expired or already used. */
export class InstallStateError extends Error {
  readonly code = 'SLACK_INSTALL_STATE';
  constructor(reason: string) {
    super(`the install link's state ${reason}; start again at /slack/install`);
    this.name = 'InstallStateError';
  }
}

/**
 * The OAuth `state` kept in the store: random, valid ten minutes and used once, so a forged state
 * is unknown and a replayed one is refused on every instance, not only the one that issued it.
 */
export class StoredInstallStates implements OAuthStateStore {
  constructor(
    private readonly state: StateStore,
    private readonly once: Once,
    private readonly now: () => number = Date.now,
  ) {}

  async generateStateParam(installOptions: InstallURLOptions): Promise<string> {
    const id = randomBytes(24).toString('base64url');
    await this.state.setState(`slack:install-state:${id}`, JSON.stringify(installOptions), this.now() + INSTALL_STATE_TTL_MS);
    return id;
  }

  async verifyStateParam(_now: Date, state: string): Promise<InstallURLOptions> {
    if (!/^[\w-]{16,64}$/.test(state)) throw new InstallStateError('is not one this app issued');
    const kept = await this.state.getState(`slack:install-state:${state}`);
    if (kept === null) throw new InstallStateError('is unknown or expired');
    // The first callback with a state claims it; a replay, on any instance, finds it claimed.
    if (!(await this.once.claim(`slack:install-state-used:${state}`, INSTALL_STATE_TTL_MS))) throw new InstallStateError('was already used');
    await this.state.deleteState(`slack:install-state:${state}`);
    return JSON.parse(kept) as InstallURLOptions;
  }
}

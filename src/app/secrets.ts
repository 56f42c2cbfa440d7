import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../config/env.js';
import type { KeptValues } from '../store/types.js';

/**
 * The configuration with `SESSION_SECRET` and `USER_KEY_SALT` filled in when they are unset:
 * generated once and kept in the store, so a restart keeps visitors' sessions and the anonymous
 * user keys stay stable, and every instance on one store signs and hashes alike. A value set in the
 * environment always wins.
 */
export async function withSharedSecrets(config: AppConfig, store: KeptValues): Promise<AppConfig> {
  const fresh = () => randomBytes(32).toString('hex');
  const sessionSecret = config.sessionSecret ?? (await store.keepState('secret:session', fresh()));
  const userKeySalt = config.userKeySalt ?? (await store.keepState('secret:user-key-salt', fresh()));
  return { ...config, sessionSecret, userKeySalt };
}

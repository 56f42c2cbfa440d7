import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { StateStore } from '../../store/types.js';

/** Installations are kept until the app is uninstalled: no expiry (the year 9999). */
const KEPT_UNTIL_MS = Date.UTC(9999, 0, 1);

/** Raised when an event comes from a workspace that never installed the app (or uninstalled it). */
export class NotInstalledError extends Error {
  readonly code = 'SLACK_NOT_INSTALLED';
  constructor(key: string) {
    super(`no Slack installation for ${key}: the workspace has not installed the app (or uninstalled it); install it at /slack/install`);
    this.name = 'NotInstalledError';
  }
}

/** The key of a workspace's (or an Enterprise Grid organisation's) installation. */
export function installationKey(query: { readonly teamId?: string | undefined; readonly enterpriseId?: string | undefined; readonly isEnterpriseInstall?: boolean | undefined }): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `slack:installation:enterprise:${query.enterpriseId}`;
  if (query.teamId) return `slack:installation:team:${query.teamId}`;
  throw new NotInstalledError('a request that names no workspace');
}

/**
 * Bolt's installation store over the app's `Store`: each workspace's bot token, kept so that every
 * instance answers every installed workspace, and deleted on `app_uninstalled` / `tokens_revoked`.
 */
export class StoredInstallations implements InstallationStore {
  constructor(private readonly state: StateStore) {}

  async storeInstallation(installation: Installation<'v1' | 'v2', boolean>): Promise<void> {
    const key = installationKey({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall });
    await this.state.setState(key, JSON.stringify(installation), KEPT_UNTIL_MS);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const key = installationKey(query);
    const kept = await this.state.getState(key);
    if (kept === null) throw new NotInstalledError(key);
    return JSON.parse(kept) as Installation<'v1' | 'v2', boolean>;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.state.deleteState(installationKey(query));
  }
}

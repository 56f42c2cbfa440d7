import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiverOptions } from '@slack/bolt';
import type { SlackOAuthConfig } from '../../config/env.js';
import type { Logger } from '../../log/logger.js';
import type { StoredInstallations } from './installations.js';
import type { StoredInstallStates } from './install-state.js';
import { installedPage, installFailedPage } from './pages.js';

/** Where a workspace installs the app, and where Slack sends it back. */
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

type InstallerFields = Pick<HTTPReceiverOptions, 'clientId' | 'clientSecret' | 'stateSecret' | 'scopes' | 'installationStore' | 'installerOptions'>;

/**
 * Bolt's OAuth options for many workspaces: installations and single-use install states in the
 * store, the Web API at SLACK_API_URL when set, and pages that say what happened (and log it).
 */
export function installerOptions(
  config: SlackOAuthConfig,
  stores: { readonly installations: StoredInstallations; readonly states: StoredInstallStates },
  clientOptions: Record<string, unknown>,
  logger: Logger,
): InstallerFields {
  const send = (res: ServerResponse, status: number, html: string): void => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" });
    res.end(html);
  };
  return {
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    stateSecret: config.stateSecret,
    scopes: [...config.scopes],
    installationStore: stores.installations,
    installerOptions: {
      stateStore: stores.states,
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      directInstall: true,
      clientOptions,
      callbackOptions: {
        success: (installation, _options, _req: IncomingMessage, res: ServerResponse) => {
          logger.info({ team: installation.team?.id, enterprise: installation.enterprise?.id }, 'Slack app installed in a workspace');
          send(res, 200, installedPage(installation.team?.name ?? installation.enterprise?.name ?? 'your workspace'));
        },
        failure: (error, _options, _req: IncomingMessage, res: ServerResponse) => {
          logger.warn({ code: error.code }, `a Slack install did not complete: ${error.message}`);
          send(res, 400, installFailedPage(error.message));
        },
      },
    },
  };
}

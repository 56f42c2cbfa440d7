import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import * as actions from './actions/index.js';
import * as assistant from './assistant/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as messages from './messages/index.js';
import * as shortcuts from './shortcuts/index.js';
import * as triage from './triage/index.js';

/** Every Slack surface, registered in one place. */
export function registerListeners(app: App, deps: SlackDeps): void {
  for (const surface of [assistant, events, messages, commands, actions, shortcuts, triage]) surface.register(app, deps);
}

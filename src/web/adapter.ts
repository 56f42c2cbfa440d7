import { WebAdapter } from 'botbuilder-adapter-web';

/**
 * Botkit's web adapter, webhook transport only. The stock adapter also opens a WebSocket server
 * that files each socket under the `user` the browser claims (so one visitor could take over
 * another's replies) and starts a 30-second ping timer that `shutdown()` never clears. Here every
 * turn arrives through POST /api/messages with the server's own session id as the user, and
 * replies go back in that request's response: there is no per-user socket table to hijack and no
 * timer to leak.
 */
export class SessionWebAdapter extends WebAdapter {
  override init(): void {
    // No WebSocket server: see the class comment.
  }
}

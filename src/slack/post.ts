import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;
import type { SlackMessage } from './blocks/render-blocks.js';

/**
 * Posts a message the safe way: no unfurls and no name linking, so nothing in it turns into a
 * preview, a mention or a link the bot did not write.
 */
export async function postMessage(client: WebClient, channel: string, message: SlackMessage, threadTs?: string): Promise<void> {
  await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks as never,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    unfurl_links: false,
    unfurl_media: false,
    link_names: false,
  });
}

/** The small pages a person sees at the end of installing the app in a workspace. */

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>` +
    `<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style></head><body><h1>${escape(title)}</h1><p>${body}</p></body></html>`;
}

/** Installed: where to find the bot now. */
export function installedPage(workspace: string): string {
  return page('Installed', `The career FAQ bot is installed in ${escape(workspace.slice(0, 200))}. Open Slack and send it a direct message, or type <code>/faq</code>.`);
}

/** Not installed: what went wrong and how to start again. */
export function installFailedPage(reason: string): string {
  return page('The install did not complete', `${escape(reason.slice(0, 300))}. <a href="/slack/install">Start again</a>.`);
}

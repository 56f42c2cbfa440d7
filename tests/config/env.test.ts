import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config/env.js';
import { ROOT, productEngine } from '../helpers.js';

function problems(env: Record<string, string>): string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('no Slack variables: web chat only, port 3000', () => {
    expect(readConfig({})).toMatchObject({ port: 3000, logLevel: 'info', slack: undefined });
  });

  it('bot token and signing secret: HTTP mode; with an app token: Socket Mode', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack?.mode).toBe('http');
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.mode).toBe('socket');
  });

  it('a bot token that is not xoxb- and an app token that is not xapp- are named, without revealing them', () => {
    const p = problems({ SLACK_BOT_TOKEN: 'xoxp-secret-value', SLACK_APP_TOKEN: 'xoxb-other-secret' });
    expect(p).toEqual([
      'SLACK_BOT_TOKEN must be a bot token starting with "xoxb-", not one starting "xoxp-…"',
      'SLACK_APP_TOKEN must be an app-level token starting with "xapp-", not one starting "xoxb-…"',
    ]);
    expect(p.join()).not.toContain('secret');
  });

  it('a missing bot token or signing secret is named', () => {
    expect(problems({ SLACK_SIGNING_SECRET: 's' })[0]).toMatch(/^SLACK_BOT_TOKEN is missing/);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })[0]).toMatch(/^SLACK_SIGNING_SECRET is missing/);
  });

  it('a malformed port, log level or API URL is named', () => {
    expect(problems({ PORT: 'eighty' })).toEqual(['PORT must be a port number from 0 to 65535, not "eighty"']);
    expect(problems({ LOG_LEVEL: 'loud' })[0]).toMatch(/^LOG_LEVEL must be one of/);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'ftp:x' })[0]).toMatch(/^SLACK_API_URL must be an http\(s\) URL/);
  });

  it('SLACK_API_URL gets the trailing slash the Web API client needs', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api' }).slack?.apiUrl).toBe('http://127.0.0.1:9/api/');
  });

  it('.env.example lists every variable the app reads', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    for (const v of ['PORT', 'HOST', 'LOG_LEVEL', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'KNOWLEDGE_DIR', 'INTENTS_DIR']) {
      expect(example).toContain(`${v}=`);
    }
  });

  it('the Slack manifest declares every slash command of intents/commands.yaml, the shortcut and the events', () => {
    const manifest = yaml.load(readFileSync(join(ROOT, 'slack', 'manifest.yml'), 'utf8')) as any;
    const declared = manifest.features.slash_commands.map((c: { command: string }) => c.command).sort();
    expect(declared).toEqual(productEngine().kb.commands.map((c) => c.command).sort());
    expect(manifest.features.shortcuts[0].callback_id).toBe('find_answer');
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im', 'app_home_opened', 'assistant_thread_started', 'assistant_thread_context_changed']));
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['assistant:write', 'im:history', 'chat:write']));
    // The panel's prompts in the manifest are the ones the bot sets when a thread opens.
    const assistant = (yaml.load(readFileSync(join(ROOT, 'intents', 'assistant.yaml'), 'utf8')) as any).assistant;
    expect(manifest.features.assistant_view.suggested_prompts).toEqual(assistant.prompts);
  });
});

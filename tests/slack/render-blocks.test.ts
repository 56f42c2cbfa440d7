import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/engine/types.js';
import { buildDecisionBlocks, buildHomeView, buildNoticeBlocks, buildQuoteBlocks } from '../../src/slack/blocks/render-blocks.js';
import { clip, escapeMrkdwn } from '../../src/slack/blocks/mrkdwn.js';
import { productEngine } from '../helpers.js';

const engine = productEngine();
const all = (m: unknown): string => JSON.stringify(m);

describe('Block Kit rendering', () => {
  it('an answer has a section, the source in a context line, follow-up buttons and a plain text fallback', () => {
    const m = buildDecisionBlocks(engine.decide('what do beginners earn'));
    expect(m.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn', verbatim: true } });
    expect(m.blocks[1]).toMatchObject({ type: 'context' });
    expect(all(m.blocks[1])).toContain('Source: How to Become a Medical Records Specialist');
    expect(m.blocks[2]).toMatchObject({ type: 'actions', block_id: 'follow_ups' });
    expect(m.text.startsWith('Entry-level medical records specialists earn about $35,780 a year.')).toBe(true);
  });

  it('"Did you mean" offers both intents as buttons', () => {
    const d: Decision = { kind: 'clarify', text: 'q', intent: 'salary', confidence: 0.5, alternatives: [], choices: [{ intent: 'salary', label: 'Salary' }, { intent: 'career.growth', label: 'Career growth' }] };
    const m = buildDecisionBlocks(d);
    expect(m.text).toBe('Did you mean "Salary" or "Career growth"?');
    expect(m.blocks[1]).toMatchObject({ type: 'actions', elements: [{ value: 'salary' }, { value: 'career.growth' }] });
  });

  it('a fallback says it has no answer and offers the closest topics as buttons', () => {
    const m = buildDecisionBlocks(engine.decide('how do I bake bread'));
    expect(m.text).toMatch(/^Sorry, I don't have an answer to that\./);
    expect(m.blocks[1]).toMatchObject({ type: 'actions', block_id: 'suggestions' });
  });

  it('share, reply and feedback buttons appear only when asked for, carrying intent ids (not user text)', () => {
    const d = engine.decide('salary');
    expect(all(buildDecisionBlocks(d))).not.toContain('faq_share');
    const m = buildDecisionBlocks(d, { share: true, feedback: true, replyTo: { channel: 'C1', ts: '1.2' } });
    const actions = m.blocks.find((b) => b.block_id === 'answer_actions') as { elements: { action_id: string; value: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toEqual(['faq_share', 'faq_post_reply', 'faq_source', 'faq_feedback_0', 'faq_feedback_1']);
    expect(JSON.parse(actions.elements[0]!.value)).toEqual({ i: ['salary'] });
    expect(JSON.parse(actions.elements[1]!.value)).toEqual({ i: ['salary'], c: 'C1', t: '1.2' });
  });

  it('Injection: &, < and > are escaped, so <!here>, <!channel>, <@U…> and links never go live', () => {
    expect(escapeMrkdwn('<!here> <!channel> <@U123> <http://evil|click> & co')).toBe('&lt;!here&gt; &lt;!channel&gt; &lt;@U123&gt; &lt;http://evil|click&gt; &amp; co');
    const m = buildNoticeBlocks('<!channel> hi');
    expect(all(m)).not.toContain('<!channel>');
  });

  it('Limits: section text is clipped to 3000 characters and a message to 50 blocks', () => {
    expect(clip('x'.repeat(5000)).length).toBe(3000);
    const many: Decision = { ...engine.decideIntents(Array.from({ length: 40 }, () => 'salary')) } as Decision;
    expect(buildDecisionBlocks(many, { share: true }).blocks.length).toBeLessThanOrEqual(50);
  });

  it('the App Home lists every topic as a button and every command', () => {
    const view = buildHomeView(engine.topics(), engine.kb.commands);
    const buttons = view.blocks.filter((b) => b.type === 'actions').flatMap((b) => (b as { elements: unknown[] }).elements);
    expect(buttons.length).toBe(engine.topics().length);
    for (const c of ['/certs', '/salary', '/faq']) expect(all(view)).toContain(c);
  });
});

describe('Where does this come from?', () => {
  it('every answer offers the button; pressing it shows the page\'s own sentences behind the answer, quoted', () => {
    const decision = engine.decide('do I need a degree?');
    const m = buildDecisionBlocks(decision);
    const button = JSON.stringify(m.blocks).includes('"action_id":"faq_source"');
    expect(button).toBe(true);
    if (decision.kind !== 'answer') throw new Error('expected an answer');
    const quoted = buildQuoteBlocks(decision.answers);
    expect(JSON.stringify(quoted.blocks)).toContain('> No. Most entry-level roles require a postsecondary certificate');
    expect(quoted.blocks[0]).toEqual({ type: 'context', elements: [expect.objectContaining({ text: 'From How to Become a Medical Records Specialist (career-center page):' })] });
  });

  it('a list item quotes its own line, not the whole list', () => {
    const d = engine.decideIntents(['role.privacy']);
    if (d.kind !== 'answer') throw new Error('expected an answer');
    expect(d.answers[0]!.quotes).toEqual(['Ensure compliance with HIPAA and other privacy regulations', expect.stringContaining("You don’t need a degree")]);
  });

  it('a fallback offers no source button', () => {
    expect(JSON.stringify(buildDecisionBlocks(engine.decide('what is the weather in paris')).blocks)).not.toContain('faq_source');
  });
});

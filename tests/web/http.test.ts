import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHarness, Visitor, type WebHarness } from '../support/web-app.js';
import { NASTY } from '../fixtures/nasty-inputs.js';

let h: WebHarness;
beforeAll(async () => {
  h = await startWebHarness();
});
afterAll(async () => h.close());

const visitor = () => new Visitor(h.app.url);

describe('web chat over HTTP (Botkit web adapter, webhook mode)', () => {
  it('POST /api/messages answers in JSON with the answer, its source and follow-up suggestions', async () => {
    const [reply] = await visitor().say('how much do medical records specialists earn?');
    expect(reply).toMatchObject({ type: 'message', intent: 'salary', source: expect.stringContaining('career-center page') });
    expect(reply.text).toContain('$50,250');
    expect(reply.quick_replies.map((q: { topic: string }) => q.topic)).toEqual(['training.steps', 'certs.overview', 'career.growth']);
    expect(reply.feedback).toBe('salary');
  });

  it('a suggestion button answers its topic', async () => {
    const [reply] = await visitor().say('Career growth', { topic: 'career.growth' });
    expect(reply.intent).toBe('career.growth');
    expect(reply.text).toContain('supervisory roles');
  });

  it('a question it cannot answer falls back with the closest topics as buttons', async () => {
    const [reply] = await visitor().say('how much does an astronaut make');
    expect(reply.intent).toBe('none');
    expect(reply.text).toMatch(/^Sorry, I don't have an answer to that\./);
    expect(reply.quick_replies.length).toBe(3);
  });

  it('the same engine as Slack: two-part questions get both answers', async () => {
    const [reply] = await visitor().say("what's the pay and how long is the training?");
    expect(reply.text).toContain('$35,780');
    expect(reply.text).toContain('under a year');
  });

  it('the certification guide asks two questions and recommends from the answers, with the page\'s reason', async () => {
    const v = visitor();
    const start = await v.say('which certification fits me?');
    expect(start.map((m) => m.text)).toEqual([expect.stringContaining("Let's find the certification"), 'Are you new to health information work?']);
    expect(start[1].quick_replies.map((q: { title: string }) => q.title)).toContain('Cancel');
    expect((await v.say('No, I have experience'))[0].text).toBe('What do you want to focus on?');
    const [result] = await v.say('Managing health records and data');
    expect(result.text).toMatch(/^This certification fits what you said:/);
    expect(result.text).toContain('RHIT');
    expect(result.text).toContain('designed for specialists managing health records and data systems');
    expect(result.intent).toBe('certs.rhit');
  });

  it('the guide understands typed answers, asks again on an unclear one, and recommends CCA to a newcomer', async () => {
    const v = visitor();
    await v.say('recommend a certification for me');
    expect((await v.say('yeah I am new'))[0].text).toContain('What do you want to focus on');
    const unclear = await v.say('hmm, what?');
    expect(unclear.map((m) => m.text)).toEqual([expect.stringContaining('Please pick one'), expect.stringContaining('What do you want to focus on')]);
    const [result] = await v.say('coding');
    expect(result.intent).toBe('certs.cca');
    // The page gives the CCA to people newer to the field and the CPC to coders: both, each with its reason.
    expect(result.text).toMatch(/^Two certifications fit what you said:/);
    expect(result.text).toContain('a solid starting certification');
    expect(result.text).toContain('widely recognized credentials for medical coders');
  });

  it('"cancel" stops the guide at any step, and the next question is answered normally', async () => {
    const v = visitor();
    await v.say('which certification fits me?');
    await v.say('yes');
    const [stopped] = await v.say('cancel');
    expect(stopped.text).toContain('stopped the certification guide');
    const [next] = await v.say('do I need a degree?');
    expect(next.intent).toBe('training.degree');
  });

  it('feedback is recorded under the session, not a client-chosen user', async () => {
    const v = visitor();
    const r = await v.post({ type: 'feedback', intent: 'salary', helpful: false, user: 'someone-else' });
    expect(r.status).toBe(200);
    expect(h.feedback.at(-1)).toMatchObject({ channel: 'web', intent: 'salary', helpful: false });
    expect(h.feedback.at(-1)!.user).not.toBe('someone-else');
    expect(h.feedback.at(-1)!.user).toMatch(/^[0-9a-f]{16}$/);
  });

  describe('identity: the server owns who is talking', () => {
    it('a visitor who sends another visitor\'s user id cannot step into their conversation', async () => {
      const alice = visitor();
      await alice.say('which certification fits me?', { user: 'alice' });
      const mallory = visitor();
      const [replyToMallory] = await mallory.say('No, I have experience', { user: 'alice' });
      expect(replyToMallory.text).not.toContain('What do you want to focus on');
      const [aliceNext] = await alice.say('No, I have experience', { user: 'alice' });
      expect(aliceNext.text).toContain('What do you want to focus on');
    });

    it('a forged or tampered session cookie gets a fresh session, not the one it names', async () => {
      const alice = visitor();
      await alice.say('which certification fits me?');
      const [id] = alice.cookie.split('=')[1]!.split('.');
      const forger = visitor();
      forger.cookie = `faq_session=${id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
      const [reply] = await forger.say('yes');
      expect(reply.text).not.toContain('What do you want to focus on');
      expect(forger.cookie).not.toContain(id);
    });
  });

  describe('bad requests', () => {
    it('a body that is not JSON gets 400 with what to send', async () => {
      const r = await visitor().post(undefined, '{"type": "message", "text": ');
      expect(r.status).toBe(400);
      expect(r.json.error).toContain('not valid JSON');
    });

    it('a JSON body of the wrong shape gets 400', async () => {
      expect((await visitor().post(['hi'])).status).toBe(400);
      expect((await visitor().post({ type: 'message', text: 42 })).status).toBe(400);
      expect((await visitor().post({ type: 'typing' })).status).toBe(400);
    });

    it('a text over 2,000 characters or a body over 16 KiB gets 413', async () => {
      expect((await visitor().post({ type: 'message', text: 'a'.repeat(2001) })).status).toBe(413);
      expect((await visitor().post({ type: 'message', text: 'a', pad: 'x'.repeat(20_000) })).status).toBe(413);
    });

    it('a form-encoded body gets 415', async () => {
      const res = await fetch(`${h.app.url}api/messages`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=hi' });
      expect(res.status).toBe(415);
    });
  });

  it('GET / serves the chat page with a session cookie and a strict content security policy', async () => {
    const res = await fetch(h.app.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^faq_session=[\w-]+\.[0-9a-z]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=86400/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<script src="/static/chat.js" defer></script>');
    expect(html).toContain('<h1>Ask about becoming a Medical Records Specialist</h1>');
    expect(html).not.toContain('{{');
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['static/chat.js', 'static/chat.css']) expect((await fetch(`${h.app.url}${asset}`)).status).toBe(200);
  });
});

describe('web chat: hostile input and abuse', () => {
  it('every kind of pasted input gets a JSON answer or a clear refusal', async () => {
    for (const [name, text] of Object.entries(NASTY)) {
      const r = await visitor().post({ type: 'message', text });
      if (text.length > 2000) expect(r.status, name).toBe(413);
      else {
        expect(r.status, name).toBe(200);
        expect(Array.isArray(r.json), name).toBe(true);
        expect(JSON.stringify(r.json)).not.toContain('<script>');
      }
    }
  });
});

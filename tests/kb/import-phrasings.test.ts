import { describe, expect, it } from 'vitest';
import { initialsOf } from '../../src/kb/import/generate.js';
import { importAlone } from './import-helpers.js';

// What candidates type about a career imported from its page alone, in words the page never uses.
describe('everyday phrasings of an imported career', () => {
  it('FAQ kinds: a page\'s "Will I work nights or weekends?" answers "what are the hours like" and "is there on call work"', () => {
    const { engine } = importAlone('hvac-technician');
    for (const q of ['what are the hours like', 'is there on call work? i have kids so i need to know']) {
      expect(engine.decide(q)).toMatchObject({ kind: 'answer', intent: 'faq.will_i_have_to_work_nights_or_weekends' });
    }
  });

  it('FAQ kinds: a page\'s "Is this job physically demanding?" answers "is welding hard on your body"', () => {
    const { engine } = importAlone('welder');
    expect(engine.decide('is welding hard on your body')).toMatchObject({ kind: 'answer', intent: 'faq.is_this_job_physically_demanding' });
  });

  it('Initials: the comparison is asked in initials ("cna vs pct whats the diff")', () => {
    expect(initialsOf('patient care technician')).toEqual(['pct']);
    expect(initialsOf('Welder')).toEqual([]);
    const { engine } = importAlone('certified-nursing-assistant');
    expect(engine.decide('cna vs pct whats the diff')).toMatchObject({ kind: 'answer', intent: 'role.assistant_vs_technician' });
  });

  it('Situation words carry no topic: "i have zero experience, what jobs can i get first" is first jobs, "am i stuck" growth', () => {
    const { engine } = importAlone('certified-nursing-assistant');
    expect(engine.decide('i have zero experience, what jobs can i get first')).toMatchObject({ kind: 'answer', intent: 'training.entry_jobs' });
    expect(engine.decide('is there room for advancement or am i stuck')).toMatchObject({ kind: 'answer', intent: 'career.growth' });
    // Still out of scope: what the page cannot answer.
    expect(engine.decide('is there a union for nursing assistants')).toMatchObject({ kind: 'fallback' });
  });

  it('A certification named without its credential word ("the surgical animal nursing specialist cert") is the certification, not a nurse', () => {
    const { engine } = importAlone('veterinary-technician');
    expect(engine.decide('who gives the surgical animal nursing specialist cert')).toMatchObject({ kind: 'answer', intent: 'certs.csans' });
  });

  it('Fit: "im a people person and pretty calm under pressure, would being an MA suit me?" is the overview', () => {
    expect(importAlone('medical-assistant').engine.decide('im a people person and pretty calm under pressure, would being an MA suit me?')).toMatchObject({ kind: 'answer', intent: 'role.overview' });
  });
});

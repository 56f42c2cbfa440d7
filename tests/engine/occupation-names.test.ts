import { describe, expect, it } from 'vitest';
import { nameOf, SELF_DESCRIPTION, stemsOf, withoutWorkplaceOwners } from '../../src/engine/occupation-names.js';

describe('Reading occupation names', () => {
  it('Titles: linking words are not part of a name, and O*NET\'s qualifiers are not names', () => {
    expect(stemsOf('Dental Assistants')).toEqual(['dental', 'assist']);
    expect(nameOf('Physicians and Surgeons, All Other')).toBe('Physicians and Surgeons');
  });

  it('Workplaces: the owner of the place of work is set aside ("a dentist\'s office"), the owner of anything else is not ("a dentist\'s salary")', () => {
    expect(withoutWorkplaceOwners("working in a dentist's office")).not.toContain('dentist');
    expect(withoutWorkplaceOwners("what is a dentist's salary")).toContain("dentist's");
  });

  it('The asker\'s own job: from "I\'m a", "I work as" to the next joining word or punctuation', () => {
    expect('so im a CNA rn and i see the resp therapists'.replace(SELF_DESCRIPTION, '|')).toBe('so | and i see the resp therapists');
    expect('I work as a nurse, what is the salary'.replace(SELF_DESCRIPTION, '|')).toBe('|, what is the salary');
  });
});

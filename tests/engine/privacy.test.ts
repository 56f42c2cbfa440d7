import { describe, expect, it } from 'vitest';
import { findIdentifiers, redact } from '../../src/engine/privacy.js';
import { decisionText } from '../../src/render/plain-text.js';
import { productEngine } from '../helpers.js';

describe('patient identifiers', () => {
  it('finds SSNs, record numbers, dates of birth beside a name, and phone numbers', () => {
    expect(findIdentifiers('SSN 123-45-6789 for the claim')).toEqual(['ssn']);
    expect(findIdentifiers('MRN: 00123456, which code?')).toEqual(['mrn']);
    expect(findIdentifiers('John Smith DOB 01/02/1980')).toEqual(['dob']);
    expect(findIdentifiers('Jane Doe was born 3/4/1990')).toEqual(['dob']);
    expect(findIdentifiers('call the patient at (555) 123-4567')).toEqual(['phone']);
  });

  it('leaves ordinary questions alone: years, ICD codes, salary figures', () => {
    for (const q of ['how much do they make in 2024?', 'what is ICD-10 code J45.909?', 'is $50,250 the median?', 'do I need a degree?']) {
      expect(findIdentifiers(q), q).toEqual([]);
    }
  });

  it('redaction replaces each identifier with its kind, and names beside them', () => {
    expect(redact('John Smith DOB 01/02/1980, SSN 123-45-6789, call 555-123-4567')).toBe('[NAME] DOB [DATE], SSN [SSN], call [PHONE]');
    expect(redact('MRN 00123456')).toBe('MRN [ID]');
  });

  it('the engine answers such a message with the privacy reminder, not an answer', () => {
    const d = productEngine().decide('What ICD code for my patient Mary Jones, DOB 02/03/1955?');
    expect(d.kind).toBe('privacy');
    expect(d.intent).toBe('none');
    expect(decisionText(d)).toMatch(/^Please don't share patient information/);
  });
});

import { describe, expect, it } from 'vitest';
import { splitParts } from '../../src/engine/parts.js';

describe('Questions joined in one message', () => {
  it('Joined questions: "what\'s the pay and how long is the training?" is two parts', () => {
    expect(splitParts("what's the pay and how long is the training?")).toEqual(["what's the pay", 'how long is the training']);
  });

  it('Comparisons: the "and" of "between a coder and a technician" joins one comparison, not two questions', () => {
    expect(splitParts("what's the difference between a medical coder and a medical records technician?")).toEqual([
      "what's the difference between a medical coder and a medical records technician",
    ]);
    // Only that "and": a second question after the comparison is still a part of its own.
    expect(splitParts('difference between cpc and rhit and how long does training take')).toEqual(['difference between cpc and rhit', 'how long does training take']);
  });
});

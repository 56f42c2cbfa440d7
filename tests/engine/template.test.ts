import { describe, expect, it } from 'vitest';
import { careerList, formatValue, groupDigits } from '../../src/engine/template.js';

describe('number formatting', () => {
  it('Money: a salary reads as en-US writes it ("$35,780")', () => {
    expect(formatValue(35780, 'USD per year')).toBe('$35,780 a year');
    expect(formatValue(35780, 'USD')).toBe('$35,780');
    expect(formatValue(1234567, 'USD')).toBe('$1,234,567');
  });

  it('Other units follow the amount; a bare number stands alone', () => {
    expect(formatValue(12, 'months')).toBe('12 months');
    expect(formatValue(1500)).toBe('1,500');
  });

  it('Digit groups match toLocaleString("en-US") for whole, negative and fractional numbers', () => {
    const values = [0, 7, 999, 1000, -1000, 50250, 80950, 1234567, 0.5, 3.14159, 1234.5678, -9876543.21, 999999.9999, 0.0004];
    for (const value of values) expect(groupDigits(value), String(value)).toBe(value.toLocaleString('en-US'));
  });
});

describe('careers named in small talk', () => {
  it('one career, two, or three read as a sentence names them, with "an" before a vowel', () => {
    expect(careerList([{ title: 'Medical Records Specialist' }])).toBe('a Medical Records Specialist');
    expect(careerList([{ title: 'Medical Records Specialist' }, { title: 'EKG Technician' }])).toBe('a Medical Records Specialist or an EKG Technician');
    expect(careerList([{ title: 'Welder' }, { title: 'Optician' }, { title: 'Phlebotomist' }])).toBe('a Welder, an Optician or a Phlebotomist');
    expect(careerList([{ title: 'MRI Technologist' }, { title: 'X-Ray Technician' }, { title: 'CNA' }])).toBe('an MRI Technologist, an X-Ray Technician or a CNA');
    expect(careerList([{ title: 'Unit Secretary' }, { title: 'Umpire' }])).toBe('a Unit Secretary or an Umpire');
  });
});

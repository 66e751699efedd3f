import { expect } from '@open-wc/testing';
import { findDigits, isDialable, toPhoneNumber, digitRangeToTextRange } from '../../src/directory/phone-number.js';

describe('phone numbers', () => {
  it('keeps the number as given and its digits', () => {
    const number = toPhoneNumber(' +44 (20) 7946-0000 ', 'ddi');
    expect(number).to.deep.equal({ value: '+44 (20) 7946-0000', digits: '442079460000', type: 'ddi' });
  });

  it('rejects what is not a phone number', () => {
    for (const value of ['', 'n/a', 'call me', '12', '+', null, 42, '1'.repeat(21), '<b>0201</b>']) {
      expect(toPhoneNumber(value), String(value)).to.equal(undefined);
    }
  });

  it('matches national digits typed with the trunk prefix', () => {
    const number = toPhoneNumber('+44 20 7946 0000')!;
    const range = findDigits(number, '0207946');
    expect(range).to.deep.equal({ start: 2, end: 8 });
    expect(digitRangeToTextRange(number.value, range!.start, range!.end)).to.deep.equal({ start: 4, end: 11 });
    expect(findDigits(number, '4420794')).to.deep.equal({ start: 0, end: 7 });
    expect(findDigits(number, '7946')).to.deep.equal({ start: 4, end: 8 });
    expect(findDigits(number, '0307946')).to.equal(undefined);
  });

  it('knows one-, two- and three-digit country codes', () => {
    expect(findDigits(toPhoneNumber('+1 425 555 0100')!, '04255550100')).to.deep.equal({ start: 1, end: 11 });
    expect(findDigits(toPhoneNumber('+353 1 555 0100')!, '015550100')).to.deep.equal({ start: 3, end: 11 });
  });

  it('tells typed numbers from names', () => {
    expect(isDialable('020 7946 0000')).to.equal(true);
    expect(isDialable('+1 (425) 555-0100')).to.equal(true);
    expect(isDialable('100')).to.equal(true);
    expect(isDialable('Anna 020')).to.equal(false);
  });
});

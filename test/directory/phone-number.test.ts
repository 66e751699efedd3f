import { expect } from '@open-wc/testing';
import { MAX_NUMBER_LENGTH, findDigits, isDialable, toPhoneNumber, digitRangeToTextRange } from '../../src/directory/phone-number.js';

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

  // docs/rules.md#numbers-cleaned-and-capped
  describe('hostile number texts', () => {
    it('rejects a number padded with 100,000 separators: no real number is written that long', () => {
      for (const separator of ['-', '.', '/', ' -', '()']) {
        const padded = `+1 425${separator.repeat(100_000 / separator.length)}555 0142`;
        expect(toPhoneNumber(padded), `padded with ${JSON.stringify(separator)}`).to.equal(undefined);
        expect(isDialable(padded), `typed, padded with ${JSON.stringify(separator)}`).to.equal(false);
      }
    });

    it(`accepts the longest real formatting of 20 digits, and rejects a text longer than ${MAX_NUMBER_LENGTH} characters`, () => {
      const longest = '+1 (425) 555-0142 / 1234 5678 9';
      expect(toPhoneNumber(longest)?.value).to.equal(longest);
      const atCap = `+1 425${'-'.repeat(MAX_NUMBER_LENGTH - 13)}5550142`;
      expect(atCap.length).to.equal(MAX_NUMBER_LENGTH);
      expect(toPhoneNumber(atCap)?.digits).to.equal('14255550142');
      expect(toPhoneNumber(`${atCap.slice(0, 6)}-${atCap.slice(6)}`), 'one character more').to.equal(undefined);
    });

    it('strips format characters, controls and line separators from what is dialled', () => {
      const cases: ReadonlyArray<readonly [string, string]> = [
        ['\uFEFF+44 20 7946 0000', '+44 20 7946 0000'],
        ['+44 20\u20287946\u20290000', '+44 20 7946 0000'],
        ['+44\t20\n7946\r\n0000\n', '+44 20 7946 0000'],
        ['+44 20 7946\u200B0000', '+44 20 79460000'],
        ['\u202E+44 20 7946 0000\u202C', '+44 20 7946 0000'],
        ['\u2066+44\u00A020\u20607946\u200D0000\u2069', '+44 2079460000'],
      ];
      for (const [given, dialled] of cases) {
        const number = toPhoneNumber(given, 'ddi');
        expect(number?.value, JSON.stringify(given)).to.equal(dialled);
        expect(number?.digits, JSON.stringify(given)).to.equal('442079460000');
      }
    });

    it('never hands out a number with anything but digits, spaces and + ( ) . - /', () => {
      const given = ['\u0007+44 20 7946 0000', '+44\u000B20 7946 0000', '+44 20 7946 0000\u0085', '+44 20\u180E7946 0000', '+44 20\u00AD7946 0000'];
      for (const value of given) expect(toPhoneNumber(value)?.value ?? '(rejected)', JSON.stringify(value)).to.match(/^\+?[0-9 ().\-/]+$/);
    });
  });
});

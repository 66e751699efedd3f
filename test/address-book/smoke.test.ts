import { expect } from '@open-wc/testing';
import { CountingAdapter, openBook, optionNames } from './fixtures.js';

describe('address book smoke', () => {
  it('lists entries', async () => {
    const adapter = new CountingAdapter();
    const book = await openBook(adapter);
    console.log(optionNames(book).join(' | '));
    expect(optionNames(book)).to.include('Anna Lindqvist');
  });
});

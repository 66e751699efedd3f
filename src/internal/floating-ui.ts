/**
 * The parts of `@floating-ui/dom` the popups use, for {@link loadFloating} to import lazily. Importing these names
 * (rather than the package) lets bundlers drop the rest of it from the lazy chunk: a dynamic import of the package
 * itself would keep all of its exports.
 *
 * @see ./floating.ts
 */
export { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

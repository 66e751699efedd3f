/** Generates custom-elements.json from the elements' JSDoc (`@summary`, `@event`, `@csspart`, `@cssprop`, `@slot`). */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/demo-directory/**'],
  litelement: true,
  dependencies: false,
  packagejson: false,
};

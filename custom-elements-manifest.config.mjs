/** Generates custom-elements.json from the elements' JSDoc (`@summary`, `@event`, `@csspart`, `@cssprop`, `@slot`). */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/demo-directory/**'],
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [
    {
      // The file system lists files in no fixed order: sort modules so every checkout generates the same manifest.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};

// ESLint 10 looks up the config from each file's directory: this is the repository's config, plus an ignore for the
// page bundle that `npm run bench` writes into .out/ (build output, git-ignored).
import repository from '../eslint.config.js';

export default [{ ignores: ['.out/'] }, ...repository];

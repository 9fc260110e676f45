/**
 * The tool's version, from package.json. esbuild inlines the JSON into dist/cli.js at build time, so nothing
 * is read at run time. (Only the bundle imports this module: from tsc's out/ folder the path would not resolve.)
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../../../package.json') as { readonly version: string };

export const VERSION: string = pkg.version;

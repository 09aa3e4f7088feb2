// The Node bundles (dist/extension.js, dist/cli.js) take adaptivecards-templating from dist/templating.js, the one
// bundle of it beside them (npm run build:bundles), instead of each carrying its own megabyte: the .vsix stays small.
// The path is computed, so esbuild leaves this require to run time; __dirname is the folder of the bundle.
module.exports = require(require('node:path').join(__dirname, 'templating.js'));

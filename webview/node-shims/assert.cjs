// adaptive-expressions' own browser build breaks `assert` (it bundles a namespace object where antlr4ts calls a
// function), so the webview bundles its Node build and gives it the three Node built-ins it touches.
module.exports = function assert(value, message) {
  if (!value) throw new Error(message === undefined ? 'Assertion failed' : message);
};

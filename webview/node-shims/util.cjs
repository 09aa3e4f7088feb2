// See assert.cjs: the parts of Node's `util` that antlr4ts and adaptive-expressions use.
module.exports = { TextEncoder, TextDecoder, inspect: { custom: Symbol.for('nodejs.util.inspect.custom') } };

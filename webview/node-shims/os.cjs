// See assert.cjs: the expression function EOL() is the only use of Node's `os`.
module.exports = { EOL: '\n' };

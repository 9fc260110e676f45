import { analyze } from '../core';
console.log(JSON.stringify(analyze('').model.lineCount));

import { readFileSync } from 'node:fs';
const a = JSON.parse(readFileSync(process.argv[2], 'utf8')), b = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const diff = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(k => a[k] !== b[k]);
console.log(diff.length, 'differ', diff.slice(0, 20));

#!/usr/bin/env node
// Checks Entente study packs against data/pack.schema.json (JSON Schema 2020-12).
//
//   node tools/check-schema.mjs FILE...                   each FILE must validate
//   node tools/check-schema.mjs --expect-invalid FILE...  each FILE must NOT validate
//
// Prints "ok FILE" for a valid file, or the file's schema errors. Exits 1 when
// any file fails (or, with --expect-invalid, when any file validates), 2 on
// usage errors. The schema cannot express every rule of the format (unique
// ids, references between collections, byte lengths): `entente --validate`
// checks those.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const here = dirname(fileURLToPath(import.meta.url));
const schemaPath = join(here, '..', 'data', 'pack.schema.json');

function usage(message) {
  if (message)
    console.error(`check-schema: ${message}`);
  console.error('usage: node tools/check-schema.mjs [--expect-invalid] FILE...');
  process.exit(2);
}

let expectInvalid = false;
const files = [];
for (const arg of process.argv.slice(2)) {
  if (arg === '--expect-invalid')
    expectInvalid = true;
  else if (arg === '-h' || arg === '--help')
    usage();
  else if (arg.startsWith('--'))
    usage(`unknown option ${arg}`);
  else
    files.push(arg);
}
if (files.length === 0)
  usage('no files given');

let schema;
try {
  schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
} catch (err) {
  console.error(`check-schema: cannot read ${schemaPath}: ${err.message}`);
  process.exit(2);
}

// strict: the schema itself must be clean (strictRequired is off: it rejects the usual
// "if: {required: [key]}" idiom); allErrors: list every problem, like the app.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(schema);

// Errors from the if/then branches and allOf wrappers repeat the real error;
// keep the ones that say what is wrong at a place.
const NOISE = new Set(['if', 'allOf', 'anyOf', 'oneOf']);

// Entente names places like "cards[41].answer"; Ajv gives JSON Pointers ("/cards/41/answer").
function appPath(pointer, key) {
  const parts = pointer === '' ? [] : pointer.slice(1).split('/');
  if (key !== undefined)
    parts.push(key);
  let path = '';
  for (const raw of parts) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (/^(0|[1-9][0-9]*)$/.test(part))
      path += `[${part}]`;
    else
      path += path === '' ? part : `.${part}`;
  }
  return path === '' ? '(top level)' : path;
}

function describe(error) {
  if (error.keyword === 'required')
    return `${appPath(error.instancePath, error.params.missingProperty)}: is required but missing`;
  let detail = error.message;
  if (error.keyword === 'enum' || error.keyword === 'const')
    detail += `: ${JSON.stringify(error.params.allowedValues ?? error.params.allowedValue)}`;
  return `${appPath(error.instancePath)}: ${detail}`;
}

// Like the app, list at most this many problems for one file.
const MAX_PROBLEMS = 100;

let failed = false;
for (const file of files) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    if (expectInvalid) {
      console.log(`ok ${file} (invalid as expected: ${err.message})`);
    } else {
      console.log(`FAIL ${file}: ${err.message}`);
      failed = true;
    }
    continue;
  }

  const valid = validate(data);
  if (expectInvalid) {
    if (valid) {
      console.log(`FAIL ${file}: validates, but it was expected to be invalid`);
      failed = true;
    } else {
      console.log(`ok ${file} (invalid as expected)`);
    }
    continue;
  }

  if (valid) {
    console.log(`ok ${file}`);
    continue;
  }
  failed = true;
  console.log(`FAIL ${file}`);
  const lines = [...new Set(validate.errors.filter((e) => !NOISE.has(e.keyword)).map(describe))];
  for (const line of lines.slice(0, MAX_PROBLEMS))
    console.log(`  ${line}`);
  if (lines.length > MAX_PROBLEMS)
    console.log(`  … and ${lines.length - MAX_PROBLEMS} more`);
}

process.exit(failed ? 1 : 0);

// Verifies a credential (JSON on stdin) with an independent implementation, the Digital
// Credentials Consortium's @digitalcredentials/verifier-core (@digitalbazaar/vc + data-integrity
// + eddsa-rdfc-2022-cryptosuite), and prints its result as JSON on stdout. It is ESM-only, hence
// this plain Node script run as a child process (the backend and Jest are CommonJS).
// Status list and schema are fetched over the network by verifier-core: offline they report
// an error, which does not affect the signature check.
import { Buffer } from 'node:buffer';
import console from 'node:console';
import process from 'node:process';
import { verifyCredential } from '@digitalcredentials/verifier-core';

// verifier-core logs to stdout (console.log) on some errors: keep stdout for the result alone.
console.log = (...args) => console.error(...args);

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const credential = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const result = await verifyCredential({ credential, knownDIDRegistries: [] });
// Errors carry their message in non-enumerable fields: make them visible in the JSON.
const json = JSON.stringify(result, (_key, value) =>
  value instanceof Error ? { name: value.name, message: value.message } : value,
);
process.stdout.write(json + '\n');

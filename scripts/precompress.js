#!/usr/bin/env node
// Compresses the web app's built files once, at the strongest settings (brotli 11, gzip 9), next
// to the originals: the API (and nginx's gzip_static) send these instead of compressing on the
// fly at a fast setting. On a 400 kbit/s line the first download is ~15 % smaller
// (docs/PERFORMANCE.md).
'use strict';
const { readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const TYPES = /\.(js|css|html|svg|json|txt|webmanifest)$/;
const MIN_BYTES = 1024;

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (TYPES.test(e.name)) yield p;
  }
}

/** Writes `<file>.br` and `<file>.gz` for each text file of `dir`; returns the bytes saved. */
function precompress(dir) {
  let before = 0;
  let after = 0;
  for (const file of files(dir)) {
    const data = readFileSync(file);
    if (data.length < MIN_BYTES) continue;
    const br = zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
    const gz = zlib.gzipSync(data, { level: zlib.constants.Z_BEST_COMPRESSION });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gz);
    before += data.length;
    after += br.length;
  }
  return { before, after };
}

module.exports = { precompress };

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? 'dist/frontend/browser');
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`precompress: no build at ${dir} (run ng build first)`);
    process.exit(1);
  }
  const { before, after } = precompress(dir);
  console.log(
    `precompress: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB (brotli)`,
  );
}

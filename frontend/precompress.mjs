// Precompresses the built SPA's text and wasm assets (issue #23 point 9): beside each
// `name.ext` it writes `name.ext.br` (brotli, quality 11) and `name.ext.gz` (gzip, level 9),
// which the server sends to browsers that accept them. Both levels take seconds on the wasm,
// too slow per request. Content-hashed names never change content, so their compressed copies
// are kept in a cache directory and reused by the next build.
//
// node frontend/precompress.mjs <dist> <cache>
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { join, basename } from "node:path";

const [dist, cache] = process.argv.slice(2);
if (!dist || !cache) {
  console.error("usage: node precompress.mjs <dist> <cache>");
  process.exit(2);
}
mkdirSync(cache, { recursive: true });
const COMPRESSIBLE = /\.(wasm|js|css|svg|json|html)$/;
const HASHED = /-[0-9a-f]{16}\.[a-z]+$/;
const MIN_BYTES = 1024;

function compressed(path, kind, bytes) {
  const name = basename(path);
  const cached = join(cache, `${name}.${kind}`);
  if (HASHED.test(name) && existsSync(cached)) return readFileSync(cached);
  const out = kind === "br"
    ? brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      })
    : gzipSync(bytes, { level: 9 });
  if (HASHED.test(name)) writeFileSync(cached, out);
  return out;
}

let before = 0, brotli = 0, gzip = 0;
function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) { walk(path); continue; }
    // index.html is read by the server for its policy and is tiny: sent as it is.
    if (!COMPRESSIBLE.test(entry) || entry === "index.html") continue;
    const bytes = readFileSync(path);
    if (bytes.length < MIN_BYTES) continue;
    const br = compressed(path, "br", bytes);
    const gz = compressed(path, "gz", bytes);
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gz);
    before += bytes.length; brotli += br.length; gzip += gz.length;
  }
}
walk(dist);
const kb = (n) => `${Math.round(n / 1024)} KB`;
console.error(`precompress: ${kb(before)} → brotli ${kb(brotli)}, gzip ${kb(gzip)}`);

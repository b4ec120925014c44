// Minifies the staged scripts and style sheets with esbuild (trunk's own minifier cannot parse
// wasm-bindgen's glue, and its HTML minifier would drop the prerender slot), then rewrites the
// page's integrity attributes to match. Usage: node scripts/minify.mjs STAGE_DIR
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const stage = process.argv[2];
if (!stage) throw new Error("usage: node scripts/minify.mjs STAGE_DIR");
const require = createRequire(new URL("../tools/package.json", import.meta.url));
const esbuild = require("esbuild");

for (const name of readdirSync(stage)) {
  const loader = name.endsWith(".js") ? "js" : name.endsWith(".css") ? "css" : null;
  if (!loader) continue;
  const file = join(stage, name);
  const source = readFileSync(file, "utf8");
  // Syntax stays as written (no `target`): the page already needs a current browser.
  const { code } = esbuild.transformSync(source, {
    loader,
    minify: true,
    legalComments: "none",
    format: loader === "js" ? "esm" : undefined,
  });
  writeFileSync(file, code);
  console.log(`minify: ${name} ${source.length} -> ${code.length} bytes`);
}

// Every integrity="sha384-…" names the file in the href of the same tag.
const index = join(stage, "index.html");
const page = readFileSync(index, "utf8");
let rewritten = 0;
const updated = page.replace(/<link\b[^>]*>/g, (tag) => {
  const href = tag.match(/\bhref="\.\/([^"]+)"/);
  if (!href || !/\bintegrity="/.test(tag)) return tag;
  const digest = createHash("sha384").update(readFileSync(join(stage, href[1]))).digest("base64");
  rewritten += 1;
  return tag.replace(/\bintegrity="[^"]*"/, `integrity="sha384-${digest}"`);
});
writeFileSync(index, updated);
console.log(`minify: ${rewritten} integrity attributes written`);

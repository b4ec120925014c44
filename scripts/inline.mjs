// Puts what the first paint and the app's start wait for into the page itself: the screen style
// sheets, the display settings (display.js), the first-layout hint (lazy-layout.js), the page's
// answers before the app (before-app.js), the wasm's download (start-wasm.js) and the loader
// (boot-*.js). Each was a round trip before anything could happen: on the phone profile (150 ms
// RTT) the style sheets held the first paint and the loader held the start of the wasm's
// download. The page's CSP allows each inlined element by the hash of its exact text (still no
// 'unsafe-inline'); the inlined files leave the staging folder, so the service worker does not
// precache them twice.
// Usage: node scripts/inline.mjs STAGE_DIR (after minify.mjs, before the service worker list).
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const stage = process.argv[2];
if (!stage) throw new Error("usage: node scripts/inline.mjs STAGE_DIR");
const index = join(stage, "index.html");
const page = readFileSync(index, "utf8");
const [head, body] = splitOnce(page, "</head>");

const scriptHashes = [];
const styleHashes = [];
const inlined = new Set();

const read = (href) => {
  const name = href.replace(/^\.\//, "");
  if (name.includes("/")) throw new Error(`inline: ${href} is not a staged file`);
  inlined.add(name);
  return readFileSync(join(stage, name), "utf8");
};
const hash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const guard = (text, end, what) => {
  if (text.toLowerCase().includes(end)) throw new Error(`inline: ${what} contains ${end} and cannot be inlined`);
  return text;
};

// The screen style sheets become one <style> where the first of them was; print stays a file
// (it never blocks the screen) and so does the no-app sheet (linked only when needed). A sheet
// with a media of its own (the dark colours, whose media the display settings switch) becomes a
// <style> of its own, with its id and media.
let css = "";
let rewritten = head.replace(/<link rel="stylesheet" href="(\.\/[^"]+\.css)"[^>]*\/?>/g, (tag, href) => {
  const media = attribute(tag, "media");
  if (media === "print") return tag;
  if (media) {
    const id = attribute(tag, "id");
    const own = guard(read(href), "</style", href);
    styleHashes.push(hash(own));
    return `<style${id ? ` id="${id}"` : ""} media="${media}">${own}</style>`;
  }
  css += read(href);
  return "<!--inline-styles-->";
});
if (!css) throw new Error("inline: the page links no screen style sheet");
guard(css, "</style", "the style sheets");
styleHashes.push(hash(css));
let first = true;
rewritten = rewritten.replace(/<!--inline-styles-->/g, () => {
  if (!first) return "";
  first = false;
  return `<style>${css}</style>`;
});

// Classic scripts (start-wasm.js, display.js, lazy-layout.js, before-app.js) stay classic: they
// run where the parser meets them.
rewritten = rewritten.replace(/<script src="([\w.-]+\.js)"><\/script>/g, (_, href) => {
  const code = guard(read(href), "</script", href);
  scriptHashes.push(hash(code));
  return `<script>${code}</script>`;
});
rewritten = rewritten.replace(/<script type="module" async src="(\.\/boot-[0-9a-f]+\.js)"><\/script>/, (_, href) => {
  const code = guard(read(href), "</script", href);
  scriptHashes.push(hash(code));
  return `<script type="module" async>${code}</script>`;
});
if (scriptHashes.length !== 5) throw new Error("inline: the page lacks start-wasm.js, display.js, lazy-layout.js, before-app.js or the loader");

const csp = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;
if (!csp.test(rewritten)) throw new Error("inline: the page has no CSP");
rewritten = rewritten.replace(csp, (_, open, policy, close) => {
  if (policy.includes("unsafe-inline")) throw new Error("inline: the CSP allows any inline code");
  const withScripts = policy.replace(/script-src ([^;]*)/, (_, list) => `script-src ${list} ${scriptHashes.join(" ")}`);
  const withStyles = withScripts.replace(/style-src ([^;]*)/, (_, list) => `style-src ${list} ${styleHashes.join(" ")}`);
  if (withStyles === policy) throw new Error("inline: the CSP has no script-src or style-src");
  return open + withStyles + close;
});

writeFileSync(index, `${rewritten}</head>${body}`);
for (const name of inlined) rmSync(join(stage, name));
console.log(`inline: ${[...inlined].join(", ")} now in index.html (${css.length} bytes of style)`);

// An attribute's value, its character references decoded (trunk writes `&#x20;` and the like):
// only ids and media queries are read, which hold no quote or angle bracket.
function attribute(tag, name) {
  const found = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  if (!found) return null;
  const value = found[1].replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)));
  if (/["<>&]/.test(value)) throw new Error(`inline: ${name}="${value}" cannot be copied`);
  return value;
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  if (at < 0) throw new Error(`inline: the page has no ${separator}`);
  return [text.slice(0, at), text.slice(at + separator.length)];
}

#!/usr/bin/env bash
# trunk post_build hook, on the staged files ($TRUNK_STAGING_DIR; trunk then replaces dist/
# with them): puts the prerendered app into the page's body, moves trunk's inline module
# loader into its own file (so the page's Content-Security-Policy needs no 'unsafe-inline'),
# minifies the scripts and style sheets, writes the single-file edition, and the service
# worker with the list of files to precache.
set -euo pipefail

stage="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
index="$stage/index.html"

# The whole page as HTML, rendered natively by the components: the static document and the
# widgets' first view, which the wasm mounts again in place.
cargo run --quiet --features ssr --bin prerender -- "$index"

# The first inline <script type="module"> ... </script> block is trunk's loader.
body="$(awk '/<script type="module">/{inside=1; next} inside && /<\/script>/{exit} inside{print}' "$index")"
if [ -n "$body" ]; then
  # Its first line imports the glue; the rest starts the wasm. If that fails (no WebAssembly,
  # or the wasm could not be fetched), the prerendered report stays and a line says why.
  first="$(printf '%s\n' "$body" | head -n1)"
  case "$first" in
    import*) ;;
    *) echo "post-build: trunk's loader does not start with an import" >&2; exit 1 ;;
  esac
  glue="$(printf '%s\n' "$first" | sed -E "s/.* from ['\"]([^'\"]+)['\"].*/\1/")"
  wasm="$(printf '%s\n' "$body" | sed -nE "s/.*module_or_path: *['\"]([^'\"]+)['\"].*/\1/p" | head -n1)"
  rest="$(printf '%s\n' "$body" | tail -n +2 | sed -E "s/module_or_path: *['\"][^'\"]+['\"]/module_or_path: wasmResponse/")"
  case "$glue|$wasm" in
    ./*.js\|./*_bg.wasm) ;;
    *) echo "post-build: cannot read the glue and wasm names from trunk's loader" >&2; exit 1 ;;
  esac
  printf '%s\n' "$rest" | grep -q 'module_or_path: wasmResponse' \
    || { echo "post-build: trunk's loader does not start the wasm as expected" >&2; exit 1; }
  # A classic script where the loader was: it runs as the parser reaches it and starts the
  # wasm's download once the text is painted (the async module below may only run once the
  # body is parsed: on the phone profile it started at 250 ms or at 750 ms, by turns). Not
  # sooner: started in the head, the download shared the phone profile's bandwidth with the
  # page, and the first tap came only 40 ms sooner (1,867 against 1,908 ms, medians of 4
  # runs in turn), while Lighthouse's simulation counted it into the text's paint (LCP
  # 2.3-2.5 s; started after the paint, 1.1 s in about half the runs, as the fetch may still
  # start before the frame is shown). Not later: after a second frame, or once the paint
  # timing entry is reported, made LCP 1.1 s nearly always but the first tap 250 ms later.
  # One fetch, handed to the glue: WebKit fetches a preloaded wasm a second time for the
  # glue's fetch(). A background tab, where animation frames wait, starts it after half a
  # second.
  cat > "$stage/start-wasm.js" <<JS
window.yanduWasm = new Promise((go) => { requestAnimationFrame(() => setTimeout(go)); setTimeout(go, 500); }).then(() => fetch("$wasm"));
// Failures are met by the loader, once awaited; until then they are not unhandled.
window.yanduWasm.catch(() => {});
JS
  {
    cat <<JS
// An async module: the glue starts downloading now, and the wasm too if the page did not start
// it (start-wasm.js).
const wasmResponse = window.yanduWasm || fetch(new URL("$wasm", import.meta.url));
const glue = import("$glue");
wasmResponse.catch(() => {});
glue.catch(() => {});
try {
// Text first: the app starts once the prerendered page has been painted (a background tab,
// where animation frames wait, goes on after half a second).
await new Promise((go) => { requestAnimationFrame(() => setTimeout(go)); setTimeout(go, 500); });
// And once the whole page is parsed: the widget roots come after the report, which on a long
// report (8.8 MB of HTML for 1 MB of text) is still arriving when the text is first painted.
if (document.readyState === "loading") {
  performance.mark("yandu:waits-for-page");
  await new Promise((go) => document.addEventListener("DOMContentLoaded", go, { once: true }));
}
const bindings = await glue;
const init = bindings.default;
JS
    printf '%s\n' "$rest"
    cat <<'JS'
} catch (error) {
  document.documentElement.setAttribute("data-no-app", "");
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = "./noscript.css";
  document.head.append(style);
  console.warn("研读: the app could not start; the report stays readable.", error);
}
JS
  } > "$stage/boot.tmp"
  # Named by what it holds (the loader and the wrapper), so a changed loader gets a new name.
  boot="boot-$(sha256sum < "$stage/boot.tmp" | cut -c1-16).js"
  mv "$stage/boot.tmp" "$stage/$boot"
  awk -v boot="$boot" '
    /<script type="module">/ && !done { print "<script src=\"start-wasm.js\"></script><script type=\"module\" async src=\"./" boot "\"></script>"; skipping=1; next }
    skipping && /<\/script>/ { skipping=0; done=1; next }
    !skipping { print }
  ' "$index" > "$index.tmp"
  mv "$index.tmp" "$index"
  # Trunk also preloads the wasm from the head: WebKit downloads a preloaded file again for the
  # glue's fetch(), so the loader above fetches it once itself.
  sed -i -E 's#<link rel="preload" href="[^"]+_bg\.wasm"[^>]*>##' "$index"
  if grep -q '_bg\.wasm' "$index"; then
    echo "post-build: the wasm is still named in $index" >&2
    exit 1
  fi
  echo "post-build: loader moved to $boot"
elif ! grep -q 'src="./boot-' "$index"; then
  echo "post-build: no inline loader found in $index" >&2
  exit 1
fi

# The single-file edition, in its own folder: never fetched by a visit, never precached.
cargo run --quiet -p single-file -- "$stage" "$stage/single/yandu.html"

# Minified scripts and style sheets (esbuild, from tools/), with their integrity rewritten.
# After the single-file edition, which reads the glue's names.
node "$(dirname "$0")/minify.mjs" "$stage"

# The style sheets, the first-layout hint, the wasm's download and the loader go into the page
# (each was a round trip the first paint or the wasm's download waited for), allowed by their
# hashes in the CSP.
node "$(dirname "$0")/inline.mjs" "$stage"

# The service worker: precache every staged file; the version is a hash of their contents,
# so any change to any file gives a new cache.
files=$(cd "$stage" && find . -type f ! -name 'sw.js' ! -path './single/*' | LC_ALL=C sort)
version=$(cd "$stage" && printf '%s\n' $files | xargs sha256sum | sha256sum | cut -c1-16)
list=$(printf '%s\n' $files | sed 's|^\./||' | awk 'BEGIN{printf "["} {printf "%s\"./%s\"", (NR>1?",":""), $0} END{printf "]"}')
template="$(dirname "$0")/../web/sw.template.js"
sed -e "s|__VERSION__|$version|" -e "s|__FILES__|$list|" "$template" > "$stage/sw.js"
echo "post-build: sw.js version $version precaches $(printf '%s\n' $files | wc -l) files"

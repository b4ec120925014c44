#!/usr/bin/env bash
# trunk post_build hook: moves trunk's inline module loader into its own file, so the page's
# Content-Security-Policy needs no 'unsafe-inline'. Works on the staged files
# ($TRUNK_STAGING_DIR); trunk then replaces dist/ with them.
set -euo pipefail

stage="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
index="$stage/index.html"

# The first inline <script type="module"> ... </script> block is trunk's loader.
body="$(awk '/<script type="module">/{inside=1; next} inside && /<\/script>/{exit} inside{print}' "$index")"
if [ -z "$body" ]; then
  grep -q 'src="./boot-' "$index" || { echo "post-build: no inline loader found in $index" >&2; exit 1; }
  exit 0
fi
hash="$(printf '%s\n' "$body" | sha256sum | cut -c1-16)"
boot="boot-$hash.js"
printf '%s\n' "$body" > "$stage/$boot"
awk -v boot="$boot" '
  /<script type="module">/ && !done { print "<script type=\"module\" src=\"./" boot "\"></script>"; skipping=1; next }
  skipping && /<\/script>/ { skipping=0; done=1; next }
  !skipping { print }
' "$index" > "$index.tmp"
mv "$index.tmp" "$index"
echo "post-build: loader moved to $boot"

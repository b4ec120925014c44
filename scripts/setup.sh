# Installs what Yandu's build and tests need, only where it is missing. Sourced by
# scripts/serve and scripts/test; every step checks first, so a second run is quick.
# Assumes a Debian machine with Rust (rustup, cargo) and, for apt-get, root or sudo.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"

TRUNK_VERSION="0.21.14"   # 0.22 needs a newer rustc than 1.95
GECKODRIVER_VERSION="0.37.1"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "error: '$*' needs root and sudo is not available" >&2; return 1; fi
}

APT_UPDATED=""
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown && return 0
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
}

# ensure_cargo_tool BINARY VERSION CRATE [cargo install flags...]
ensure_cargo_tool() {
  local bin="$1" version="$2" crate="$3"; shift 3
  if command -v "$bin" >/dev/null && "$bin" --version 2>/dev/null | grep -qw "$version"; then return 0; fi
  say "cargo install $crate $version (once; takes minutes)"
  cargo install "$crate" --version "$version" "$@"
}

ensure_trunk() { ensure_cargo_tool trunk "$TRUNK_VERSION" trunk --locked; }

# trunk uses the wasm-bindgen on PATH only if it matches Cargo.lock exactly.
ensure_wasm_bindgen() {
  local version
  version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
  [ -n "$version" ] || { echo "error: no wasm-bindgen in Cargo.lock" >&2; return 1; }
  # Without --locked: the CLI's own lock pins a crate the registry no longer serves.
  ensure_cargo_tool wasm-bindgen "$version" wasm-bindgen-cli
}

# Build tools from npm (tools/package.json): binaryen's wasm-opt (Debian's is too old for
# rustc 1.95's wasm features) and esbuild, which minifies the scripts and style sheets.
ensure_npm_tools() {
  command -v npm >/dev/null || apt_install nodejs npm
  if [ -x "$ROOT/tools/node_modules/.bin/wasm-opt" ] && [ -x "$ROOT/tools/node_modules/.bin/esbuild" ] \
    && [ -f "$ROOT/tools/node_modules/axe-core/axe.min.js" ]; then
    return 0
  fi
  say "npm ci (binaryen's wasm-opt, esbuild, and axe-core for the browser tests)"
  (cd "$ROOT/tools" && npm ci --no-audit --no-fund --loglevel=error)
}

# Lints need clippy and rustfmt; minimal rustup profiles lack them.
ensure_lint_tools() {
  cargo clippy --version >/dev/null 2>&1 || { say "rustup component add clippy"; rustup component add clippy; }
  cargo fmt --version >/dev/null 2>&1 || { say "rustup component add rustfmt"; rustup component add rustfmt; }
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_npm_tools
}

ensure_chromium() {
  apt_install chromium chromium-driver
}

# The Chinese fonts the style sheet names for Linux (Noto Sans/Serif CJK SC). Without them every
# Chinese character goes through the system's font fallback, which made the first layout on the
# phone profile two to three times slower here than on any reader's device (all have a Chinese
# font): the benchmark and the screenshots need them, the browser suite does not.
ensure_cjk_fonts() {
  apt_install fonts-noto-cjk
}

# Firefox ESR from Debian; geckodriver is not packaged there, so it is built from crates.io.
ensure_firefox() {
  apt_install firefox-esr
  # Without --locked, as verified on this kind of machine.
  ensure_cargo_tool geckodriver "$GECKODRIVER_VERSION" geckodriver
}

# WebKitGTK: Debian's WebKitWebDriver drives its MiniBrowser, which needs an X display
# (Xvfb; the browser suite starts its own).
ensure_webkit() {
  apt_install webkit2gtk-driver xvfb
}

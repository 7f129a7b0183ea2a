#!/usr/bin/env bash
# System packages the test suite drives for real: Debian's Chromium (browser tests through Playwright;
# never `playwright install`, which downloads its own browser), a PostgreSQL server (shared progress
# store), and for `datavaardig hub` JupyterHub's proxy, configurable-http-proxy, from npm (with Debian's
# Node.js). Installs only what is missing; needs root (CI runs as root) or prints what to install.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
# The hub runs every person's server with a Python all accounts can start (datavaardig.hub.userenv).
[ -x /usr/bin/python3 ] || missing+=(python3)
CHP_VERSION=5.3.0
need_chp=0
command -v configurable-http-proxy >/dev/null 2>&1 || need_chp=1
[ ${#missing[@]} -eq 0 ] && [ $need_chp -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  [ ${#missing[@]} -gt 0 ] && echo "Install these Debian packages first (as root): ${missing[*]}" >&2
  [ $need_chp -eq 1 ] && echo "Install JupyterHub's proxy (as root): npm install -g configurable-http-proxy@$CHP_VERSION" >&2
  exit 1
fi
if [ ${#missing[@]} -eq 0 ]; then
  npm install -g --silent "configurable-http-proxy@$CHP_VERSION" >/dev/null
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Debian package starts a cluster on 5432; the tests start their own on a free port.
if command -v pg_ctlcluster >/dev/null 2>&1; then service postgresql stop >/dev/null 2>&1 || true; fi
if [ $need_chp -eq 1 ]; then npm install -g --silent "configurable-http-proxy@$CHP_VERSION" >/dev/null; fi

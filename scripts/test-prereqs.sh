#!/usr/bin/env bash
# The real servers the tests talk to, from Debian's packages: rsyslog and its OpenSSL TLS driver
# (syslog sink), PostgreSQL (history store), Chromium (HTML report) with a CJK font (it prints the
# Chinese test contract as PDF), and the openssl command that makes the tests' certificates. `npm test` runs this first: it returns at once when all is there,
# installs what is missing when run as root, and otherwise names the one command to run and fails
# before any test does.
set -uo pipefail

# package and a file it installs (a glob where the path carries an architecture or a version)
required=(
  'rsyslog /usr/sbin/rsyslogd'
  'rsyslog-openssl /usr/lib/*/rsyslog/lmnsd_ossl.so'
  'postgresql /usr/lib/postgresql/*/bin/initdb'
  'chromium /usr/bin/chromium'
  'fonts-wqy-microhei /usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
  'openssl /usr/bin/openssl'
)

missing_packages() {
  local entry
  for entry in "${required[@]}"; do
    compgen -G "${entry#* }" >/dev/null || printf '%s ' "${entry%% *}"
  done
}

missing=$(missing_packages)
[ -z "$missing" ] && exit 0
install="apt-get install -y --no-install-recommends ${missing% }"

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "dutyscan's tests run against real servers from Debian packages that are missing here: ${missing% }." >&2
  echo "Install them, then run the tests again:" >&2
  echo "  sudo apt-get update && sudo $install" >&2
  exit 1
fi

echo "test prerequisites: installing ${missing% } (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && $install -qq >/dev/null || { echo "test prerequisites: '$install' failed" >&2; exit 1; }
missing=$(missing_packages)
[ -z "$missing" ] || { echo "test prerequisites: still missing after the install: ${missing% }" >&2; exit 1; }

#!/usr/bin/env bash
# Debian packages the app and its tests need, installed only when missing:
#   chromium            browser tests (driven by Playwright's Python client)
#   postgresql          the database tests' second run on a real server
#   espeak-ng           reading questions aloud (fallback voice) and generating test speech
#   libpango-1.0-0 …    WeasyPrint's rendering libraries for the PDF brief
#   poppler-utils       the browser test renders a page of the PDF brief to an image
set -euo pipefail

wanted=(chromium postgresql espeak-ng libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils)
missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
  echo "Second Round needs these Debian packages: ${missing[*]}. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} from Debian's packages…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

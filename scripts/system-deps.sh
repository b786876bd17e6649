#!/usr/bin/env bash
# Install the Debian programs some backends and tests use (espeak-ng, sox, portaudio headers).
# Without root or apt this prints what is missing and carries on: those tests skip with a reason.
set -uo pipefail
cd "$(dirname "$0")/.."
wanted=$(grep -vE '^\s*(#|$)' scripts/apt-packages.txt 2>/dev/null | tr '\n' ' ')
missing=()
for pkg in $wanted; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || echo "system-deps: could not install ${missing[*]}; the tests that need them will skip" >&2
else
  echo "system-deps: missing ${missing[*]} (install them with your package manager)" >&2
fi
exit 0

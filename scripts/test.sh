#!/usr/bin/env bash
# The test command: installs what is missing, builds pcplan and its tests,
# and runs the whole suite. Works from a fresh clone (no .build, no
# Package.resolved).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh --with-moto

echo "==> swift build --build-tests"
swift build --build-tests

echo "==> swift test"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
swift test 2>&1 | tee "$log" || status=$?

echo
# Swift Testing's closing line, e.g. "✔ Test run with 210 tests in 31 suites passed after 1.9 seconds."
grep -E 'Test run with [0-9]+ tests?' "$log" | tail -n 1 || echo "No Swift Testing summary found."
exit "$status"

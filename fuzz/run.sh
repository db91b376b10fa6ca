#!/usr/bin/env bash
# Builds the libFuzzer target for the PCL front end and runs it.
#
#   bash fuzz/run.sh [SECONDS]    (default 60; corpus kept in fuzz/corpus-work)
#
# The target (fuzz/FuzzFrontEnd.swift) lexes, parses and formats every input
# and checks the invariants in Sources/PCLTestSupport/FrontEndInvariants.swift.
# Crashes are written to fuzz/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
mkdir -p fuzz/out fuzz/corpus-work
cp -n fuzz/corpus/* fuzz/corpus-work/ 2>/dev/null || true

# The libraries are compiled into the fuzzer as one module, so their imports
# of each other are dropped from copies of the sources.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for source in Sources/PCDiagnostics/*.swift Sources/PCLSyntax/*.swift \
              Sources/PCLTestSupport/FrontEndInvariants.swift fuzz/FuzzFrontEnd.swift; do
  sed -E '/^import (PCDiagnostics|PCLSyntax)$/d' "$source" > "$work/$(basename "$source")"
done
rm -f fuzz/out/fuzz-front-end
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name FuzzFrontEnd \
  "$work"/*.swift -o fuzz/out/fuzz-front-end
test -x fuzz/out/fuzz-front-end

fuzz/out/fuzz-front-end -max_total_time="$seconds" -max_len=4096 -timeout=10 \
  -artifact_prefix=fuzz/out/ fuzz/corpus-work

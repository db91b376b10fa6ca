#!/usr/bin/env bash
# The main job at this stage: installs what is missing, builds pcplan in
# release mode, then checks the formatting of and validates every
# configuration under examples/ and modules/. Later releases make this plan
# and apply.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh

echo "==> swift build -c release --product pcplan"
swift build -c release --product pcplan
pcplan="$(swift build -c release --show-bin-path)/pcplan"

"$pcplan" version

# modules/ may not exist yet in a fresh clone (git keeps no empty directories).
roots=()
for root in examples modules; do
    if [ -d "$root" ]; then roots+=("$root"); fi
done

echo "==> pcplan fmt -check -recursive ${roots[*]}"
"$pcplan" fmt -check -recursive "${roots[@]}"

# validate reads one directory at a time, as terraform validate does.
status=0
while IFS= read -r directory; do
    echo "==> pcplan validate $directory"
    "$pcplan" validate "$directory" || status=1
done < <(find "${roots[@]}" -name '*.pcl' -not -path '*/.*' -exec dirname {} \; | sort -u)
[ "$status" -eq 0 ] || exit "$status"

# A plan with the built-in providers: modules, for_each, count, a rendered
# file. The plan, its Markdown for a pull request and its JSON go to a
# temporary directory, as does the (empty) state.
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "==> pcplan -chdir=examples/local plan -out $out/plan.bin -markdown-out $out/plan.md"
"$pcplan" -chdir=examples/local plan -state "$out/pcplan.state.db" -out "$out/plan.bin" -markdown-out "$out/plan.md"
echo "==> pcplan show -json (first 300 characters)"
"$pcplan" -chdir=examples/local show -json "$out/plan.bin" | head -c 300; echo
echo "==> $out/plan.md (first 20 lines)"
head -20 "$out/plan.md"

# Apply it, check that planning again proposes nothing, then destroy it.
echo "==> pcplan -chdir=examples/local apply -auto-approve"
"$pcplan" -chdir=examples/local apply -auto-approve -state "$out/pcplan.state.db"
echo "==> pcplan -chdir=examples/local plan -detailed-exitcode (expect no changes)"
"$pcplan" -chdir=examples/local plan -detailed-exitcode -state "$out/pcplan.state.db" > /dev/null
echo "==> pcplan -chdir=examples/local output"
"$pcplan" -chdir=examples/local output -state "$out/pcplan.state.db"
echo "==> pcplan -chdir=examples/local destroy -auto-approve"
"$pcplan" -chdir=examples/local destroy -auto-approve -state "$out/pcplan.state.db" | tail -1

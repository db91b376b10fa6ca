#!/usr/bin/env bash
# The main job at this stage: installs what is missing (moto included),
# builds pcplan in release mode, checks the formatting of and validates every
# configuration under examples/ and modules/, plans and applies
# examples/local (built-in providers), then plans, applies and destroys
# examples/aws-ecs against a local AWS endpoint (moto's server on 127.0.0.1).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh --with-moto

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

# The AWS provider against a local AWS endpoint: moto's server on a free
# port of 127.0.0.1, stopped by its process id when the job ends. The same
# configuration runs against a real account without AWS_ENDPOINT_URL and
# with real credentials.
if ! command -v moto_server >/dev/null 2>&1; then
    echo "error: moto_server is not installed; run: python3 -m pip install 'moto[server]==5.2.1'" >&2
    exit 1
fi
moto_log="$out/moto.log"
moto_server -H 127.0.0.1 -p 0 > "$moto_log" 2>&1 &
moto_pid=$!
trap 'kill "$moto_pid" 2>/dev/null || true; rm -rf "$out"' EXIT
port=""
for _ in $(seq 1 200); do
    port="$(grep -o 'http://127.0.0.1:[0-9]*' "$moto_log" | head -1 | sed 's/.*://')" || true
    [ -n "$port" ] && break
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "error: moto_server did not start; its output:" >&2
    cat "$moto_log" >&2
    exit 1
fi
export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION=us-east-1
aws_state="$out/aws.state.db"
echo "==> AWS_ENDPOINT_URL=$AWS_ENDPOINT_URL pcplan -chdir=examples/aws-ecs plan"
"$pcplan" -chdir=examples/aws-ecs plan -state "$aws_state" -out "$out/aws.plan"
echo "==> pcplan -chdir=examples/aws-ecs apply"
time "$pcplan" -chdir=examples/aws-ecs apply -state "$aws_state" "$out/aws.plan"
echo "==> pcplan -chdir=examples/aws-ecs plan -detailed-exitcode (expect no changes)"
"$pcplan" -chdir=examples/aws-ecs plan -detailed-exitcode -state "$aws_state" | tail -3
echo "==> pcplan -chdir=examples/aws-ecs plan -var replicas=3 (one in-place update)"
"$pcplan" -chdir=examples/aws-ecs plan -no-color -var replicas=3 -state "$aws_state" | grep -E '^  #|^Plan:'
echo "==> pcplan -chdir=examples/aws-ecs destroy -auto-approve"
"$pcplan" -chdir=examples/aws-ecs destroy -auto-approve -state "$aws_state" | tail -1

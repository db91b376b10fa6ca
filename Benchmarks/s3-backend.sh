#!/usr/bin/env bash
# The S3 backend at scale: applies N pcplan_data resources (each referencing
# two earlier ones, as shared/bench/compare-plan.sh generates them) with the
# state in S3 and the lock in DynamoDB on a local moto server, then plans
# again (no changes). Prints wall times, the time per committed action and
# the number of journal objects written, for each N.
#
# usage: bash Benchmarks/s3-backend.sh [N ...]     (default: 100 1000 10000)
# PCPLAN=path/to/pcplan (default: the release build, built if missing)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
pcplan="${PCPLAN:+$(realpath "$PCPLAN")}"
if [ -z "$pcplan" ]; then
    swift build -c release --product pcplan >&2
    pcplan="$(swift build -c release --show-bin-path)/pcplan"
fi

work="$(mktemp -d)"
moto_pid=""
trap '[ -z "$moto_pid" ] || kill "$moto_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck source=scripts/moto.sh
. scripts/moto.sh
start_moto "$work/moto.log"
export AWS_ENDPOINT_URL="$moto_endpoint" AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1
python3 - "$moto_endpoint" <<'PY'
import sys, boto3
kw = dict(endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="bench", aws_secret_access_key="bench")
boto3.client("s3", **kw).create_bucket(Bucket="bench-state")
boto3.client("dynamodb", **kw).create_table(
    TableName="bench-locks", BillingMode="PAY_PER_REQUEST",
    KeySchema=[{"AttributeName": "LockID", "KeyType": "HASH"}],
    AttributeDefinitions=[{"AttributeName": "LockID", "AttributeType": "S"}])
PY

now() { date +%s%N; }
printf '%8s %10s %14s %12s %14s\n' resources apply_s ms_per_action noop_plan_s journal_objects
for n in "${sizes[@]}"; do
    dir="$work/n$n"
    mkdir -p "$dir"
    python3 - "$n" > "$dir/main.pcl" <<'PY'
import sys
n = int(sys.argv[1])
print('pcplan {\n  backend "s3" {\n    bucket         = "bench-state"\n'
      f'    key            = "bench-{n}/pcplan.state"\n    dynamodb_table = "bench-locks"\n  }}\n}}\n')
for i in range(n):
    deps = []
    if i >= 1: deps.append(f"pcplan_data.r{(i * 7919) % i}.output")
    if i >= 2: deps.append(f"pcplan_data.r{(i * 104729) % i}.id")
    print(f'resource "pcplan_data" "r{i}" {{')
    print(f'  input = {{ name = "r{i}", tags = {{ env = "prod", idx = "{i}" }}, deps = [{", ".join(deps)}] }}')
    print('}\n')
PY
    before=$(grep -c "PUT /bench-state/bench-$n/pcplan.state.d/journal" "$work/moto.log" || true)
    t0=$(now)
    (cd "$dir" && "$pcplan" apply -auto-approve -parallelism=10 > apply.log 2>&1) || { tail -20 "$dir/apply.log" >&2; exit 1; }
    t1=$(now)
    (cd "$dir" && "$pcplan" plan -detailed-exitcode > plan.log 2>&1) || { echo "the plan after the apply was not empty" >&2; tail -20 "$dir/plan.log" >&2; exit 1; }
    t2=$(now)
    after=$(grep -c "PUT /bench-state/bench-$n/pcplan.state.d/journal" "$work/moto.log" || true)
    python3 -c "
a=($t1-$t0)/1e9; p=($t2-$t1)/1e9; n=$n
print(f'{n:8d} {a:10.2f} {a*1000/n:14.2f} {p:12.2f} {$after-$before:14d}')"
done

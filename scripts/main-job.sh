#!/usr/bin/env bash
# The main job: Prisma Cloud Compute on Amazon ECS, planned and applied by
# pcplan against a local AWS endpoint.
#
# It installs what is missing (moto included), builds pcplan in release
# mode, checks the formatting of and validates every configuration under
# examples/ and modules/, then starts moto's server on 127.0.0.1 and runs
# examples/prisma-cloud-ecs (the Console, its EFS file system and load
# balancer, worker nodes and the Defender) against it: plan, apply, the
# outputs, and a second plan that must find nothing to do. The state is a
# SQLite file in a temporary directory; moto is stopped by its process id
# when the job ends.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh --with-moto

echo "==> swift build -c release --product pcplan"
swift build -c release --product pcplan
pcplan="$(swift build -c release --show-bin-path)/pcplan"

"$pcplan" version

echo "==> pcplan fmt -check -recursive examples modules"
"$pcplan" fmt -check -recursive examples modules

# validate reads one directory at a time, as terraform validate does.
status=0
while IFS= read -r directory; do
    echo "==> pcplan validate $directory"
    "$pcplan" validate "$directory" || status=1
done < <(find examples modules -name '*.pcl' -not -path '*/.*' -exec dirname {} \; | sort -u)
[ "$status" -eq 0 ] || exit "$status"

out="$(mktemp -d)"
moto_pid=""
cleanup() {
    if [ -n "$moto_pid" ]; then
        kill "$moto_pid" 2>/dev/null || true
        wait "$moto_pid" 2>/dev/null || true
    fi
    rm -rf "$out"
}
trap cleanup EXIT

# moto's server on a free port of 127.0.0.1.
# shellcheck source=scripts/moto.sh
. scripts/moto.sh
start_moto "$out/moto.log"

export AWS_ENDPOINT_URL="$moto_endpoint" AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION=us-east-1
example=examples/prisma-cloud-ecs
state="$out/pcplan.state.db"
# Placeholder images and install bundle, and the hard memory limit moto
# insists on: see the file.
vars=(-var-file=local-endpoint.pclvars)

echo
echo "==> AWS_ENDPOINT_URL=$AWS_ENDPOINT_URL pcplan -chdir=$example plan -out prisma.plan"
"$pcplan" -chdir="$example" plan -no-color -state "$state" "${vars[@]}" -out "$out/prisma.plan" -markdown-out "$out/prisma.md" \
    | grep -E '^  # |^Plan:'
echo "(the whole plan: $(wc -l < "$out/prisma.md") lines of Markdown for a pull request; docs/examples/ has them all)"

echo
echo "==> pcplan -chdir=$example apply -auto-approve -parallelism=10"
start=$(date +%s%N)
"$pcplan" -chdir="$example" apply -no-color -auto-approve -parallelism=10 -state "$state" "${vars[@]}" | tail -n 14
end=$(date +%s%N)
echo "(apply took $(( (end - start) / 1000000 )) ms)"

echo
echo "==> pcplan -chdir=$example plan -detailed-exitcode (expect no changes)"
"$pcplan" -chdir="$example" plan -no-color -detailed-exitcode -state "$state" "${vars[@]}" | grep -E "^No changes|^Plan:"

echo
echo "==> pcplan -chdir=$example state list | wc -l"
"$pcplan" -chdir="$example" state list -state "$state" | wc -l

cat <<'GUIDE'

Done. To deploy the same example to a real AWS account:

  1. Credentials: export AWS_PROFILE (or AWS_ACCESS_KEY_ID and
     AWS_SECRET_ACCESS_KEY) and AWS_REGION; do not set AWS_ENDPOINT_URL.
  2. First apply, Console only (you have no install bundle yet):
       pcplan -chdir=examples/prisma-cloud-ecs apply \
         -var console_image=registry-auth.twistlock.com/tw_<token>/twistlock/console:console_<X_Y_Z> \
         -var deploy_defenders=false
  3. Open the console_url output, create the first admin user, enter the
     license, and copy the Defender image name and install bundle
     (Manage > Defenders > Deploy).
  4. Apply again with -var deploy_defenders=true, -var defender_image=...
     and the bundle in a var file (install_bundle = "..."): it is kept in
     Secrets Manager and never shown.

docs/prisma-cloud-ecs.md walks through every step.
GUIDE

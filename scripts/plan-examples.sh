#!/usr/bin/env bash
# Regenerates the example plans under docs/examples/, the ones
# docs/reviewing-plans.md shows: examples/prisma-cloud-ecs planned against
# a local AWS endpoint (moto's server), in every form pcplan writes.
#
#   create.txt, create.md, create.json
#       the plan that creates the whole Console-and-Defenders topology;
#   image-change.txt, image-change.md, image-change.json
#       after applying that plan, the plan of a new Console image tag
#       (console_32_07_123 -> console_32_07_130).
#
# .txt is the terminal form (-no-color), .md the -markdown-out form and
# .json `pcplan show -json` of the saved plan.
#
# Usage:
#   bash scripts/plan-examples.sh            write docs/examples/
#   bash scripts/plan-examples.sh --check    compare with docs/examples/; exit 1 when stale
# Options:
#   --pcplan PATH    use this pcplan instead of building one (swift build --product pcplan)
#   --endpoint URL   use this moto server instead of starting one; AWS_ACCESS_KEY_ID and
#                    AWS_SECRET_ACCESS_KEY must hold a key it accepts. It must be freshly
#                    reset: objects left in it would show up in the plans.
#   --examples DIR   write to (or with --check, compare with) DIR instead of docs/examples
#
# The output is the same, byte for byte, from run to run: see "Making it
# reproducible" in this script for how, and for the few values pinned on purpose.
set -euo pipefail
# Paths given as options are relative to where the script was started.
started_in="$(pwd)"
cd "$(dirname "${BASH_SOURCE[0]}")/.."

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

check=false
pcplan=""
endpoint=""
examples=""
while [ $# -gt 0 ]; do
    case "$1" in
        --check) check=true ;;
        --pcplan) [ $# -ge 2 ] || { echo "error: --pcplan needs a path" >&2; exit 64; }; pcplan="$2"; shift ;;
        --pcplan=*) pcplan="${1#--pcplan=}" ;;
        --endpoint) [ $# -ge 2 ] || { echo "error: --endpoint needs a URL" >&2; exit 64; }; endpoint="$2"; shift ;;
        --endpoint=*) endpoint="${1#--endpoint=}" ;;
        --examples) [ $# -ge 2 ] || { echo "error: --examples needs a directory" >&2; exit 64; }; examples="$2"; shift ;;
        --examples=*) examples="${1#--examples=}" ;;
        -h | --help) usage; exit 0 ;;
        *) echo "error: unknown argument: $1 (see bash scripts/plan-examples.sh --help)" >&2; exit 64 ;;
    esac
    shift
done

regenerate="bash scripts/plan-examples.sh"
if [ -z "$examples" ]; then
    examples="docs/examples"
else
    case "$examples" in /*) ;; *) examples="$started_in/$examples" ;; esac
    regenerate="$regenerate --examples $examples"
fi
files=(create.txt create.md create.json image-change.txt image-change.md image-change.json)

# --- pcplan ----------------------------------------------------------------------

if [ -z "$pcplan" ]; then
    echo "==> swift build --product pcplan" >&2
    swift build --product pcplan >&2
    pcplan="$(swift build --show-bin-path)/pcplan"
fi
# The plans run in a copy of the example, elsewhere: make the path absolute.
case "$pcplan" in /*) ;; *) pcplan="$started_in/$pcplan" ;; esac
if [ ! -x "$pcplan" ]; then
    echo "error: $pcplan is not an executable pcplan; build it (swift build --product pcplan) or drop --pcplan" >&2
    exit 1
fi

# --- A local AWS endpoint ----------------------------------------------------------

work="$(mktemp -d "${TMPDIR:-/tmp}/plan-examples.XXXXXX")"
moto_pid=""
cleanup() {
    if [ -n "$moto_pid" ]; then
        kill "$moto_pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$moto_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$moto_pid" 2>/dev/null || true
        wait "$moto_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$endpoint" ]; then
    if [ -z "${AWS_ACCESS_KEY_ID:-}" ] || [ -z "${AWS_SECRET_ACCESS_KEY:-}" ]; then
        echo "error: with --endpoint, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to a key $endpoint accepts" >&2
        exit 1
    fi
else
    # shellcheck source=scripts/moto.sh
    . scripts/moto.sh
    start_moto "$work/moto.log" || exit 1
    endpoint="$moto_endpoint"
    # This moto checks no signatures: any key will do.
    export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
fi
endpoint="${endpoint%/}"
# Nothing here may reach a real account: no profile, no session token, and
# every service at the local endpoint.
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN
export AWS_ENDPOINT_URL="$endpoint" AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1

ready=false
for _ in $(seq 1 300); do
    if curl -fsS -o /dev/null "$endpoint/moto-api/"; then ready=true; break; fi
    [ -z "$moto_pid" ] || kill -0 "$moto_pid" 2>/dev/null || break
    sleep 0.1
done
if [ "$ready" != true ]; then
    echo "error: $endpoint does not answer GET /moto-api/; it must be a moto server" >&2
    [ -z "$moto_pid" ] || cat "$work/moto.log" >&2
    exit 1
fi

# --- Making it reproducible --------------------------------------------------------
#
# moto draws every identifier (VPC, subnets, security groups, EFS, secret
# versions, request ids, ...) from one random generator, which
# POST /moto-api/seed reseeds. Seeding alone is not enough:
#  - each request draws a request id, so requests must come in the same
#    order. Reads may interleave freely (they create nothing), but
#    everything that creates an object must run one at a time: apply runs
#    at -parallelism=1.
#  - some backends create objects, drawing numbers, the first time they
#    are used: EC2 its default VPC and subnets, IAM the ~1,500 AWS managed
#    policies. Which of them a server has already started depends on its
#    history: a test's moto has made IAM calls to create its key, a fresh
#    one has not. So IAM is started first (a no-op where it runs already),
#    then the generator seeded and EC2 started by a plan that reads only
#    the default VPC, so that it gets the same ids on every server.
# Seeding again before every step keeps a step's identifiers independent
# of how many requests the step before made.
seed() {
    if ! curl -fsS -o /dev/null -X POST "$endpoint/moto-api/seed?a=42"; then
        echo "error: POST $endpoint/moto-api/seed failed; the endpoint must be a moto server" >&2
        exit 1
    fi
}

run_pcplan() { # DIR ARGS...: pcplan in DIR; its output is shown only when it fails
    local directory="$1"
    shift
    local status=0
    (cd "$directory" && "$pcplan" "$@") > "$work/last.out" 2> "$work/last.err" || status=$?
    if [ "$status" -ne 0 ]; then
        echo "error: pcplan $* (in $directory) failed with status $status:" >&2
        cat "$work/last.out" "$work/last.err" >&2
        exit 1
    fi
}

warm() { # the one data source to read, as configuration
    local directory="$work/warm-$1"
    mkdir -p "$directory"
    printf 'provider "aws" {\n  region = "us-east-1"\n}\n\n%s\n' "$2" > "$directory/main.pcl"
    run_pcplan "$directory" plan -no-color -state "$directory/state.db"
}

warm iam 'data "aws_caller_identity" "current" {}'
seed
warm ec2 'data "aws_vpc" "default" {
  default = true
}'

# --- The plans ---------------------------------------------------------------------

# A copy of the example and the modules it calls, so the state, the saved
# plans and the changed image tag never touch the work tree. Plans are
# written under relative names from inside the copy, so no path of this
# machine ends up in them ("Saved the plan to: create.plan").
copy="$work/repo"
mkdir -p "$copy/examples"
cp -R examples/prisma-cloud-ecs "$copy/examples/"
cp -R modules "$copy/"
example="$copy/examples/prisma-cloud-ecs"
rm -rf "$example"/*.state.db* "$example"/*.plan "$example/.pcplan"
out="$work/out"
mkdir -p "$out"
vars=(-var-file=local-endpoint.pclvars)

seed
run_pcplan "$example" plan -no-color "${vars[@]}" -out create.plan -markdown-out create.md
cp "$work/last.out" "$out/create.txt"
cp "$example/create.md" "$out/create.md"
run_pcplan "$example" show -json create.plan
cp "$work/last.out" "$out/create.json"

seed
run_pcplan "$example" apply -no-color -parallelism=1 create.plan

# The change a pull request would make: one new tag in the var file.
sed -i 's/console:console_32_07_123"/console:console_32_07_130"/' "$example/local-endpoint.pclvars"
if ! grep -q 'console:console_32_07_130"' "$example/local-endpoint.pclvars"; then
    echo "error: examples/prisma-cloud-ecs/local-endpoint.pclvars no longer sets console_image to a console_32_07_123 tag; update this script" >&2
    exit 1
fi
seed
run_pcplan "$example" plan -no-color "${vars[@]}" -out image-change.plan -markdown-out image-change.md
cp "$work/last.out" "$out/image-change.txt"
cp "$example/image-change.md" "$out/image-change.md"
run_pcplan "$example" show -json image-change.plan
cp "$work/last.out" "$out/image-change.json"

# What still depends on the clock or on pcplan's own random numbers,
# pinned to fixed values of the same shape so that a rerun gives the same
# bytes and the JSON stays valid for the tools that read it. Nothing else
# is touched: every other difference is a real one.
#  - "timestamp" in the JSON plans: when the plan was made.
#  - "create_date" of IAM roles and instance profiles: when moto created
#    them (read back by refresh into the image change's prior state).
#  - names made from a name_prefix (the launch configurations): pcplan
#    appends the UTC time to the second and 12 random hex digits, as
#    Terraform does, so that a replacement never collides with the old one.
#  - the install bundle's secret version id: the ClientRequestToken pcplan
#    sends is a random UUID, and Secrets Manager makes it the version id.
#  - "Estimated apply time": from the durations this run's apply measured.
# Only the image change's JSON holds applied objects, but the patterns run
# on both plans in case the create plan ever shows one.
pinned_time="2000-01-01T00:00:00Z"
pinned_suffix="20000101000000000000000000"
pinned_version="00000000-0000-4000-8000-000000000000"
for file in create.json image-change.json; do
    sed -i -E \
        -e "s/\"timestamp\":\"[^\"]*\"/\"timestamp\":\"$pinned_time\"/g" \
        -e "s/\"create_date\":\"[^\"]*\"/\"create_date\":\"$pinned_time\"/g" \
        -e "s/-20[0-9]{12}[0-9a-f]{12}\"/-$pinned_suffix\"/g" \
        -e "s/(:secret:[^\"|]*\|)[0-9a-f-]{36}\"/\1$pinned_version\"/g" \
        -e "s/\"version_id\":\"[0-9a-f-]{36}\"/\"version_id\":\"$pinned_version\"/g" \
        "$out/$file"
done
for file in create.txt image-change.txt; do
    sed -i -E 's/^(Estimated apply time: about) [^ ]+ (at -parallelism)/\1 1s \2/' "$out/$file"
done

# --- The excerpts in docs/reviewing-plans.md --------------------------------------
#
# The page shows part of the create plan and the whole image change as
# GitHub renders them, between marker comments; they are kept here, with
# the files, so that they cannot drift apart. Both leave out the
# "## pcplan plan" heading and put "### Resource changes" one level down,
# so that the plans' headings do not become sections of the page.
doc="docs/reviewing-plans.md"
with_doc=false
[ "$examples" = "docs/examples" ] && with_doc=true

excerpt_create() { # the summary and the security group's block
    sed -n '/^\*\*Plan:/,/^### Resource changes$/p' "$out/create.md" | sed '$d'
    awk '/^<details><summary><code>module\.prisma\.aws_security_group\.this<\/code>/ { inside = 1 }
         inside { print }
         inside && /^<\/details>$/ { exit }' "$out/create.md"
}
excerpt_image_change() { # all but the heading and the blank line after it
    sed -e '1{/^## pcplan plan$/d}' -e 's/^### Resource changes$/#### Resource changes/' "$out/image-change.md" \
        | sed '1{/^$/d}' | without_trailing_blank_lines
}

without_trailing_blank_lines() {
    awk '/^$/ { blank++; next } { while (blank > 0) { print ""; blank-- } print }'
}

splice() { # DOC NAME CONTENT_FILE: DOC with the text between NAME's markers replaced
    local begin="<!-- plan-examples: $2 (written by bash scripts/plan-examples.sh; do not edit) -->"
    local end="<!-- /plan-examples: $2 -->"
    if ! grep -qxF "$begin" "$1" || ! grep -qxF "$end" "$1"; then
        echo "error: $1 lacks the lines $begin and $end, between which the script writes $2" >&2
        exit 1
    fi
    awk -v begin="$begin" -v end="$end" -v content="$3" '
        $0 == begin { print; print ""; while ((getline line < content) > 0) print line; print ""; skipping = 1; next }
        $0 == end { skipping = 0 }
        !skipping { print }' "$1"
}

if [ "$with_doc" = true ]; then
    excerpt_create > "$work/excerpt-create.md"
    excerpt_image_change > "$work/excerpt-image-change.md"
    splice "$doc" "create excerpt" "$work/excerpt-create.md" > "$work/doc-1.md"
    splice "$work/doc-1.md" "image change" "$work/excerpt-image-change.md" > "$out/reviewing-plans.md"
fi

# --- Writing or checking -----------------------------------------------------------

# Pairs: where the file is kept, and what this run made of it.
kept=()
made=()
for file in "${files[@]}"; do
    kept+=("$examples/$file")
    made+=("$out/$file")
done
if [ "$with_doc" = true ]; then
    kept+=("$doc")
    made+=("$out/reviewing-plans.md")
fi

if [ "$check" = true ]; then
    stale=()
    for index in "${!kept[@]}"; do
        if ! cmp -s "${made[$index]}" "${kept[$index]}"; then stale+=("$index"); fi
    done
    if [ "${#stale[@]}" -eq 0 ]; then
        echo "$examples/ is up to date (${#files[@]} files)$([ "$with_doc" = true ] && echo ", and so are the excerpts in $doc")."
        exit 0
    fi
    echo "The example plans are stale: these files differ from what pcplan prints now:"
    for index in "${stale[@]}"; do echo "  ${kept[$index]}"; done
    echo "Regenerate them with: $regenerate"
    echo
    for index in "${stale[@]}"; do
        committed="${kept[$index]}" generated="${made[$index]}"
        if [ ! -f "$committed" ]; then
            echo "--- $committed is missing"
            continue
        fi
        # JSON plans are one line; split them at commas to keep the diff short.
        case "$committed" in
            *.json) diff -u --label "$committed" --label "generated/$(basename "$committed")" \
                        <(tr ',' '\n' < "$committed") <(tr ',' '\n' < "$generated") | head -n 40 || true ;;
            *) diff -u --label "$committed" --label "generated/$(basename "$committed")" "$committed" "$generated" | head -n 40 || true ;;
        esac
    done
    exit 1
fi

mkdir -p "$examples"
for index in "${!kept[@]}"; do
    cp "${made[$index]}" "${kept[$index]}"
done
echo "Wrote ${kept[*]}."

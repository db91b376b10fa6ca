# Sourced by the scripts that need a local AWS endpoint (main-job.sh,
# plan-examples.sh): start_moto LOG starts moto's server on a free port of
# 127.0.0.1 and sets moto_pid and moto_endpoint; the caller stops it by its
# process id. The modules attach AWS managed policies, which moto only
# knows when asked to load them.

start_moto() {
    local log="$1" port=""
    if ! command -v moto_server >/dev/null 2>&1; then
        echo "error: moto_server is not installed; run: bash scripts/install-deps.sh --with-moto" >&2
        return 1
    fi
    MOTO_IAM_LOAD_MANAGED_POLICIES=true moto_server -H 127.0.0.1 -p 0 > "$log" 2>&1 &
    moto_pid=$!
    for _ in $(seq 1 300); do
        port="$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1 | sed 's/.*://')" || true
        [ -n "$port" ] && break
        kill -0 "$moto_pid" 2>/dev/null || break
        sleep 0.1
    done
    if [ -z "$port" ]; then
        echo "error: moto_server did not start; its output:" >&2
        cat "$log" >&2
        return 1
    fi
    moto_endpoint="http://127.0.0.1:$port"
}

#!/usr/bin/env bash
# Installs what building pcplan needs on Debian 12, and only what is missing:
# the development packages of libcurl, OpenSSL and SQLite, and pkg-config.
# With --with-moto it also installs moto's server (the local AWS endpoint
# of the integration tests); a failure there is a warning, not an error.
set -euo pipefail

with_moto=false
for argument in "$@"; do
    case "$argument" in
        --with-moto) with_moto=true ;;
        *) echo "install-deps.sh: unknown argument: $argument" >&2; exit 2 ;;
    esac
done

if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift is not on PATH. pcplan needs Swift 6.3 or later: https://www.swift.org/install/linux/" >&2
    exit 1
fi

# Run as root directly, otherwise through sudo when it exists.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "error: installing packages needs root, and sudo is not available. Run as root: $*" >&2
        exit 1
    fi
}

packages=(libcurl4-openssl-dev libssl-dev libsqlite3-dev pkg-config)
missing=()
if command -v dpkg >/dev/null 2>&1; then
    for package in "${packages[@]}"; do
        if ! dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed'; then
            missing+=("$package")
        fi
    done
elif ! { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libcurl openssl sqlite3; }; then
    echo "error: not a Debian system and pkg-config cannot find libcurl, openssl and sqlite3." >&2
    echo "Install the development packages of libcurl, OpenSSL and SQLite, and pkg-config." >&2
    exit 1
fi

if [ "${#missing[@]}" -gt 0 ]; then
    echo "==> Installing ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if $with_moto && ! python3 -c 'import moto' >/dev/null 2>&1; then
    echo "==> Installing moto[server]==5.2.1"
    if ! command -v python3 >/dev/null 2>&1 || ! python3 -m pip --version >/dev/null 2>&1; then
        echo "warning: python3 with pip is not available, so moto was not installed." >&2
        echo "warning: the tests that need a local AWS endpoint will not be able to start one." >&2
    elif ! python3 -m pip install -q 'moto[server]==5.2.1' 2>/dev/null \
        && ! python3 -m pip install -q --user --break-system-packages 'moto[server]==5.2.1'; then
        echo "warning: pip could not install moto[server]==5.2.1; see the messages above." >&2
    fi
fi

#!/usr/bin/env bash
# Documentation screenshots of the web pages: builds the end-to-end tests of the video call and of
# the portal's forms and runs them with NARA_SCREENSHOT_DIR=docs/screenshots, which makes them save
# their pictures (listed below) at the moments worth showing. The workstation's own views come
# from `nara --screenshots` (./nara.sh demo without a display).
#
# Usage: tools/docs-screenshots.sh [build-dir]   (a configured build directory; default build/dev)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build/dev}
case $build in
    /*) ;;
    *) build=$repo/$build ;;
esac
if [[ ! -f $build/CMakeCache.txt ]]; then
    echo "docs-screenshots: $build is not a configured build directory" >&2
    exit 1
fi

# Each end-to-end test and the pictures it must write.
declare -A pictures=(
    [tst_e2e_video_call]="portal-precall portal-waiting call portal-call"
    [tst_e2e_portal_forms]="portal-start portal-form portal-form-thanks portal-measurements portal-measurements-sent"
)
out=$repo/docs/screenshots
mkdir -p "$out"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

for target in "${!pictures[@]}"; do # nara_add_test(NAME e2e_... ) in tests/e2e/CMakeLists.txt
    cmake --build "$build" --target "$target"
    binary=$build/tests/e2e/$target
    if [[ ! -x $binary ]]; then
        binary=$(find "$build" -type f -name "$target" -perm -u+x -print -quit)
    fi
    if [[ -z $binary ]]; then
        echo "docs-screenshots: $target was not found under $build" >&2
        exit 1
    fi
    # The environment CTest gives the test (nara_add_test and NARA_WEBENGINE_TEST_ENVIRONMENT in
    # cmake/NaraModule.cmake), with a throwaway data directory.
    rm -rf "${data:?}"/*
    env QT_QPA_PLATFORM=offscreen QT_HASH_SEED=0 NARA_TEST_DATA="$data" \
        XDG_DATA_HOME="$data/data" XDG_CONFIG_HOME="$data/config" XDG_CACHE_HOME="$data/cache" \
        QTWEBENGINE_DISABLE_SANDBOX=1 \
        QTWEBENGINE_CHROMIUM_FLAGS="--use-fake-device-for-media-stream --use-fake-ui-for-media-stream" \
        NARA_SCREENSHOT_DIR="$out" \
        "$binary"
    for name in ${pictures[$target]}; do
        if [[ ! -s $out/$name.png ]]; then
            echo "docs-screenshots: $out/$name.png was not written" >&2
            exit 1
        fi
    done
done
echo "docs-screenshots: written to $out"

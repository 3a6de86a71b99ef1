#!/usr/bin/env bash
# Documentation screenshots of the video visit: builds the end-to-end video call test and runs it
# with NARA_SCREENSHOT_DIR=docs/screenshots, which makes it save portal-precall.png,
# portal-waiting.png, call.png and portal-call.png at the moments worth showing.
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

target=tst_e2e_video_call # nara_add_test(NAME e2e_video_call ...) in tests/e2e/CMakeLists.txt
cmake --build "$build" --target "$target"

out=$repo/docs/screenshots
mkdir -p "$out"
binary=$build/tests/e2e/$target
if [[ ! -x $binary ]]; then
    binary=$(find "$build" -type f -name "$target" -perm -u+x -print -quit)
fi
if [[ -z $binary ]]; then
    echo "docs-screenshots: $target was not found under $build" >&2
    exit 1
fi
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

# The environment CTest gives the test (nara_add_test and NARA_WEBENGINE_TEST_ENVIRONMENT in
# cmake/NaraModule.cmake), with a throwaway data directory.
env QT_QPA_PLATFORM=offscreen QT_HASH_SEED=0 NARA_TEST_DATA="$data" \
    XDG_DATA_HOME="$data/data" XDG_CONFIG_HOME="$data/config" XDG_CACHE_HOME="$data/cache" \
    QTWEBENGINE_DISABLE_SANDBOX=1 \
    QTWEBENGINE_CHROMIUM_FLAGS="--use-fake-device-for-media-stream --use-fake-ui-for-media-stream" \
    NARA_SCREENSHOT_DIR="$out" \
    "$binary"

for name in portal-precall portal-waiting call portal-call; do
    if [[ ! -s $out/$name.png ]]; then
        echo "docs-screenshots: $out/$name.png was not written" >&2
        exit 1
    fi
done
echo "docs-screenshots: written to $out"

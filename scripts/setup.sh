#!/usr/bin/env bash
# Installs what building OPG Chain needs. Idempotent: already-present tools are left alone.
set -euo pipefail

need_apt=()
command -v protoc >/dev/null 2>&1 || need_apt+=(protobuf-compiler)
command -v clang >/dev/null 2>&1 || need_apt+=(clang)
[ -e /usr/lib/llvm-14/lib/libclang.so ] || ls /usr/lib/llvm-*/lib/libclang*.so >/dev/null 2>&1 || need_apt+=(libclang-dev)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
command -v make >/dev/null 2>&1 || need_apt+=(make)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
# aarch64 emulation for scripts/engine-determinism.sh: a cross linker and C library for the
# aarch64-unknown-linux-gnu target, and qemu-aarch64 to run its test binary on this CPU.
command -v qemu-aarch64 >/dev/null 2>&1 || need_apt+=(qemu-user)
command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || need_apt+=(gcc-aarch64-linux-gnu)
[ -e /usr/aarch64-linux-gnu/lib/crt1.o ] || need_apt+=(libc6-dev-arm64-cross)
# Headless Chromium for the web dApp's end-to-end test (clients/web).
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)

if [ ${#need_apt[@]} -gt 0 ]; then
	echo "setup: installing ${need_apt[*]}"
	sudo_cmd=""
	[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

if ! command -v rustup >/dev/null 2>&1; then
	echo "setup: rustup is required (https://rustup.rs)" >&2
	exit 1
fi
# rust-toolchain.toml pins the channel; these make sure its Wasm targets and sources are present,
# and the aarch64 target scripts/engine-determinism.sh cross-builds the engine's tests for.
rustup target add wasm32v1-none wasm32-unknown-unknown aarch64-unknown-linux-gnu >/dev/null
rustup component add rust-src rustfmt clippy >/dev/null
echo "setup: ok ($(rustc --version), protoc $(protoc --version | cut -d' ' -f2), node $(node --version))"

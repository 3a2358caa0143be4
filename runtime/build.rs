fn main() {
	#[cfg(feature = "std")]
	{
		substrate_wasm_builder::WasmBuilder::build_using_defaults();

		// The runtime the end-to-end upgrade tests set (tests/e2e/inference-testnet.test.js):
		// this runtime with `increment-spec-version`, one `spec_version` up, as polkadot-sdk's
		// own upgrade tests build theirs. Only with OPG_BUILD_UPGRADE_RUNTIME=1 (scripts/test.sh
		// sets it), so other builds do not pay for a second Wasm. Only this crate is compiled
		// again for it: the feature changes no dependency. The blob lands next to the runtime's,
		// in `<target>/<profile>/wbuild/opg-runtime/wasm_binary_upgrade.rs.compact.compressed.wasm`.
		println!("cargo:rerun-if-env-changed=OPG_BUILD_UPGRADE_RUNTIME");
		if std::env::var("OPG_BUILD_UPGRADE_RUNTIME").is_ok_and(|v| v == "1") {
			substrate_wasm_builder::WasmBuilder::init_with_defaults()
				.enable_feature("increment-spec-version")
				.set_file_name("wasm_binary_upgrade.rs")
				.build();
			mark_upgrade_blob_as_current();
		}
	}
}

/// Gives the upgrade blob this build script run's time even when its bytes did not change (the
/// Wasm builder then leaves the file alone), so that the end-to-end test can tell a blob older
/// than the runtime, left by an earlier build, from a current one. It is the time the Wasm
/// builder gives the blobs it writes: as the run's start, it does not make cargo rerun the
/// script.
#[cfg(feature = "std")]
fn mark_upgrade_blob_as_current() {
	let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
	let generated = std::fs::read_to_string(out_dir.join("wasm_binary_upgrade.rs"))
		.expect("the Wasm builder wrote it");
	// `pub const WASM_BINARY_PATH: Option<&str> = Some("<path>");`, absent if the build skipped.
	let Some(path) = generated
		.split_once("WASM_BINARY_PATH: Option<&str> = Some(\"")
		.and_then(|(_, rest)| rest.split_once("\")"))
		.map(|(path, _)| path)
	else {
		return;
	};
	let started = std::fs::metadata(out_dir.join("../invoked.timestamp"))
		.and_then(|m| m.modified())
		.expect("cargo writes invoked.timestamp before it runs the script");
	std::fs::File::options()
		.write(true)
		.open(path)
		.and_then(|blob| blob.set_modified(started))
		.expect("the upgrade blob can be touched");
}

//! Tests of the `opg-node` command line that need no running chain.

use std::process::{Command, Output};

use sp_core::crypto::Ss58Codec;

fn opg_node(args: &[&str]) -> Output {
	Command::new(env!("CARGO_BIN_EXE_opg-node"))
		.args(args)
		.output()
		.expect("the opg-node binary runs")
}

fn stdout_json(output: &Output) -> serde_json::Value {
	assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
	serde_json::from_slice(&output.stdout).expect("the command prints JSON")
}

#[test]
fn dev_chain_spec_carries_the_opg_token_properties() {
	let spec =
		stdout_json(&opg_node(&["build-spec", "--chain", "dev", "--disable-default-bootnode"]));
	assert_eq!(spec["id"], "opg_dev");
	assert_eq!(spec["chainType"], "Development");
	assert_eq!(spec["properties"]["tokenSymbol"], "OPG");
	assert_eq!(spec["properties"]["tokenDecimals"], 18);
	assert_eq!(spec["properties"]["ss58Format"], 4242);
	let genesis = &spec["genesis"]["runtimeGenesis"]["patch"];
	assert_eq!(genesis["staking"]["validatorCount"], 1, "Alice validates alone");
	assert_eq!(genesis["sudo"]["key"], genesis["session"]["keys"][0][0], "Alice is sudo");
}

#[test]
fn local_chain_spec_uses_the_local_testnet_preset() {
	let spec = stdout_json(&opg_node(&["export-chain-spec", "--chain", "local"]));
	assert_eq!(spec["id"], "opg_local_testnet");
	let genesis = &spec["genesis"]["runtimeGenesis"]["patch"];
	assert_eq!(genesis["staking"]["validatorCount"], 3, "Alice, Bob and Charlie validate");
	assert_eq!(genesis["session"]["keys"].as_array().map(Vec::len), Some(3));
}

#[test]
fn raw_chain_spec_round_trips_through_a_file() {
	let dir = std::env::temp_dir().join(format!("opg-node-cli-{}", std::process::id()));
	std::fs::create_dir_all(&dir).unwrap();
	let path = dir.join("dev-raw.json");
	let raw = opg_node(&["build-spec", "--chain", "dev", "--raw", "--disable-default-bootnode"]);
	assert!(raw.status.success());
	std::fs::write(&path, &raw.stdout).unwrap();
	let spec = stdout_json(&opg_node(&["export-chain-spec", "--chain", path.to_str().unwrap()]));
	assert_eq!(spec["id"], "opg_dev");
	assert!(spec["genesis"]["raw"]["top"].as_object().is_some_and(|top| !top.is_empty()));
	std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unknown_chain_is_a_clear_error() {
	let output = opg_node(&["build-spec", "--chain", "/nonexistent/spec.json"]);
	assert!(!output.status.success());
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(stderr.contains("/nonexistent/spec.json"), "stderr: {stderr}");
}

#[test]
fn key_generate_prints_a_new_key() {
	let output = opg_node(&["key", "generate", "--output-type", "json"]);
	let key = stdout_json(&output);
	let address = key["ss58Address"].as_str().expect("an ss58 address");
	let (_, format) = sp_core::crypto::AccountId32::from_ss58check_with_version(address)
		.expect("a valid ss58 address");
	assert_eq!(u16::from(format), opg_runtime::SS58_PREFIX, "{address} is in OPG Chain's format");
	assert_eq!(key["secretPhrase"].as_str().unwrap().split(' ').count(), 12);
}

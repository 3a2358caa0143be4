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

/// A model hash no chain needs to know: the tools below fail before they would ask.
const SOME_MODEL: &str = "0x0101010101010101010101010101010101010101010101010101010101010101";
/// A WebSocket endpoint nothing listens on.
const NOWHERE: &str = "ws://127.0.0.1:1";

fn stderr_of(output: &Output) -> String {
	assert!(!output.status.success(), "stdout: {}", String::from_utf8_lossy(&output.stdout));
	String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A directory of its own for one test.
fn scratch_dir(name: &str) -> std::path::PathBuf {
	let dir = std::env::temp_dir().join(format!("opg-node-cli-{name}-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).unwrap();
	dir
}

#[test]
fn watch_without_a_model_is_a_clear_error() {
	let stderr = stderr_of(&opg_node(&["watch", "--suri", "//Ferdie", "--url", NOWHERE]));
	assert!(stderr.contains("--model <HASH>"), "stderr: {stderr}");
}

#[test]
fn watch_refuses_a_model_hash_of_the_wrong_length() {
	let args = ["watch", "--model", "0x1234", "--suri", "//Ferdie", "--url", NOWHERE];
	let stderr = stderr_of(&opg_node(&args));
	assert!(stderr.contains("2 bytes, not 32"), "stderr: {stderr}");
}

#[test]
fn watch_without_a_key_fails_before_connecting() {
	let stderr = stderr_of(&opg_node(&["watch", "--model", SOME_MODEL, "--url", NOWHERE]));
	assert!(stderr.contains("watch needs the key"), "stderr: {stderr}");
	assert!(!stderr.contains("127.0.0.1:1"), "no connection attempted: {stderr}");
}

#[test]
fn watch_refuses_a_model_file_of_an_unwatched_model() {
	// The crate's directory when the test runs, not where it was compiled (see
	// `node/engine/tests/engine/support.rs`).
	let manifest_dir = std::env::var("CARGO_MANIFEST_DIR")
		.unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string());
	let mlp = format!("{manifest_dir}/engine/fixtures/mlp.onnx");
	let args = [
		"watch",
		"--model",
		SOME_MODEL,
		"--model-file",
		&mlp,
		"--suri",
		"//Ferdie",
		"--url",
		NOWHERE,
	];
	let stderr = stderr_of(&opg_node(&args));
	assert!(stderr.contains("which no --model names"), "stderr: {stderr}");
}

#[test]
fn an_invalid_secret_uri_is_refused_without_echoing_it() {
	let args = ["watch", "--model", SOME_MODEL, "--suri", "not a secret uri", "--url", NOWHERE];
	let stderr = stderr_of(&opg_node(&args));
	assert!(stderr.contains("invalid secret URI"), "stderr: {stderr}");
	assert!(!stderr.contains("not a secret uri"), "the secret is not printed: {stderr}");
}

#[test]
fn two_keys_are_refused() {
	let dir = scratch_dir("two-keys");
	let suri_file = dir.join("suri");
	std::fs::write(&suri_file, "//Ferdie\n").unwrap();
	let args = [
		"watch",
		"--model",
		SOME_MODEL,
		"--suri",
		"//Ferdie",
		"--suri-file",
		suri_file.to_str().unwrap(),
	];
	let stderr = stderr_of(&opg_node(&args));
	assert!(stderr.contains("cannot be used with"), "stderr: {stderr}");
	std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn verify_job_challenge_without_a_key_fails_before_connecting() {
	let stderr = stderr_of(&opg_node(&["verify-job", "7", "--challenge", "--url", NOWHERE]));
	assert!(stderr.contains("--challenge needs the key"), "stderr: {stderr}");
	assert!(!stderr.contains("127.0.0.1:1"), "no connection attempted: {stderr}");
}

#[test]
fn verify_job_refuses_a_key_without_challenge() {
	let stderr = stderr_of(&opg_node(&["verify-job", "7", "--suri", "//Ferdie", "--url", NOWHERE]));
	assert!(stderr.contains("only used with --challenge"), "stderr: {stderr}");
}

#[test]
fn a_keystore_key_signs_and_an_empty_keystore_is_a_clear_error() {
	let dir = scratch_dir("keystore");
	let keystore = dir.to_str().unwrap();
	let challenge =
		["verify-job", "7", "--challenge", "--url", NOWHERE, "--keystore-path", keystore];
	let stderr = stderr_of(&opg_node(&challenge));
	assert!(stderr.contains("no sr25519 key of type acco"), "stderr: {stderr}");

	let insert = ["key", "insert", "--keystore-path", keystore, "--key-type", "acco"];
	let inserted =
		opg_node(&[&insert[..], &["--scheme", "sr25519", "--suri", "//Ferdie"]].concat());
	assert!(inserted.status.success(), "{}", String::from_utf8_lossy(&inserted.stderr));
	// The key is found: the command gets as far as connecting.
	let stderr = stderr_of(&opg_node(&challenge));
	assert!(stderr.contains("127.0.0.1:1"), "stderr: {stderr}");
	std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn watch_keeps_reconnecting_and_stops_cleanly_on_sigterm() {
	let dir = scratch_dir("watch-stop");
	let suri_file = dir.join("suri");
	std::fs::write(&suri_file, "//Ferdie\n").unwrap();
	let suri_file = suri_file.to_str().unwrap();
	let child = Command::new(env!("CARGO_BIN_EXE_opg-node"))
		.args(["watch", "--model", SOME_MODEL, "--suri-file", suri_file, "--url", NOWHERE])
		.stdout(std::process::Stdio::piped())
		.stderr(std::process::Stdio::piped())
		.spawn()
		.expect("the opg-node binary runs");
	// The first connection fails at once; the watchtower waits 1 s, then 2 s, and retries.
	std::thread::sleep(std::time::Duration::from_secs(2));
	let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
	assert!(killed.success());
	let output = child.wait_with_output().unwrap();
	let (stdout, stderr) =
		(String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
	assert!(output.status.success(), "stdout: {stdout}\nstderr: {stderr}");
	assert!(
		stderr.contains("ws://127.0.0.1:1: ") && stderr.contains("reconnecting in 1 s"),
		"{stderr}"
	);
	assert_eq!(stdout.trim(), "stopped");
	std::fs::remove_dir_all(&dir).unwrap();
}

//! Chain specifications: `dev` and `local`, built from the runtime's genesis presets.

use opg_runtime::{currency, WASM_BINARY};
use sc_service::ChainType;
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

/// The chain specification of OPG Chain.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token properties shown by wallets and polkadot-js Apps.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), currency::SYMBOL.into());
	properties.insert("tokenDecimals".into(), currency::DECIMALS.into());
	properties.insert("ss58Format".into(), opg_runtime::SS58_PREFIX.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| "The runtime Wasm was not built (SKIP_WASM_BUILD was set)".into())
}

/// A single-validator development chain: Alice validates.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, Default::default())
		.with_name("OPG Development")
		.with_id("opg_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// A three-validator local testnet: Alice, Bob and Charlie validate.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, Default::default())
		.with_name("OPG Local Testnet")
		.with_id("opg_local_testnet")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

//! The sr25519 key that signs the command-line tools' transactions: a secret URI, a file holding
//! one, or a key in a keystore directory (as `opg-node key insert` writes it).

use std::path::PathBuf;

use opg_runtime::AccountId;
use sp_core::{
	crypto::{KeyTypeId, Ss58Codec},
	sr25519, Pair,
};
use sp_keystore::KeystorePtr;

use crate::remote::{from_hex, ToolError};

/// The key type looked up in a keystore when `--key-type` is not given (`acco`, accounts).
const DEFAULT_KEY_TYPE: KeyTypeId = sp_core::crypto::key_types::ACCOUNT;

/// Command-line options choosing the key that signs (and pays fees and bonds).
#[derive(Debug, Clone, clap::Args)]
pub struct SignerParams {
	/// Secret URI of the sr25519 key that signs and pays: a mnemonic, a hex seed or a dev key
	/// (`//Ferdie`), with optional `//derivation` and `///password`. Other users of the machine
	/// see it in the process list: prefer `--suri-file` or a keystore.
	#[arg(long, value_name = "SURI", conflicts_with_all = ["suri_file", "keystore_path"])]
	pub suri: Option<String>,

	/// A file holding the secret URI of the sr25519 key that signs and pays.
	#[arg(long, value_name = "PATH", conflicts_with = "keystore_path")]
	pub suri_file: Option<PathBuf>,

	/// With `--keystore-path`: the key type of the signing key (default `acco`, as in
	/// `opg-node key insert --keystore-path DIR --key-type acco --scheme sr25519`).
	#[arg(long, value_name = "TYPE", requires = "keystore_path")]
	pub key_type: Option<String>,

	/// With `--keystore-path`: the signing key's address or hex public key, when the keystore
	/// holds several sr25519 keys of that type.
	#[arg(long, value_name = "ADDRESS", requires = "keystore_path")]
	pub key_public: Option<String>,

	/// A keystore directory holding the signing key (`--keystore-path`, with its password
	/// options).
	#[command(flatten)]
	pub keystore: sc_cli::KeystoreParams,
}

/// A key that signs transactions.
pub enum Signer {
	/// A key pair in memory, from a secret URI.
	Pair(Box<sr25519::Pair>),
	/// A key in a keystore.
	Keystore { keystore: KeystorePtr, key_type: KeyTypeId, public: sr25519::Public },
}

impl SignerParams {
	/// Whether a key was given at all.
	pub fn is_given(&self) -> bool {
		self.suri.is_some() || self.suri_file.is_some() || self.keystore.keystore_path.is_some()
	}

	/// The key the options name, or `None` if they name none.
	pub fn signer(&self) -> Result<Option<Signer>, ToolError> {
		if let Some(suri) = &self.suri {
			return Ok(Some(Signer::Pair(Box::new(pair_from_suri(suri)?))));
		}
		if let Some(path) = &self.suri_file {
			let suri =
				std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
			let pair =
				pair_from_suri(suri.trim()).map_err(|e| format!("{}: {e}", path.display()))?;
			return Ok(Some(Signer::Pair(Box::new(pair))));
		}
		match &self.keystore.keystore_path {
			Some(path) => self.keystore_signer(path).map(Some),
			None => Ok(None),
		}
	}

	/// The sr25519 key of the chosen type (and public key) in the keystore at `path`.
	fn keystore_signer(&self, path: &std::path::Path) -> Result<Signer, ToolError> {
		if !path.is_dir() {
			return Err(format!("keystore {}: not a directory", path.display()).into());
		}
		let key_type = match &self.key_type {
			Some(name) => KeyTypeId::try_from(name.as_str())
				.map_err(|()| format!("key type {name}: four characters expected"))?,
			None => DEFAULT_KEY_TYPE,
		};
		let in_keystore = |e: &dyn std::fmt::Display| format!("keystore {}: {e}", path.display());
		let config = self.keystore.keystore_config(path).map_err(|e| in_keystore(&e))?;
		let keystore =
			sc_service::KeystoreContainer::new(&config).map_err(|e| in_keystore(&e))?.keystore();
		let keys = keystore.sr25519_public_keys(key_type);
		let type_name = String::from_utf8_lossy(&key_type.0).into_owned();
		let public = match &self.key_public {
			Some(wanted) => {
				let wanted = public_from_text(wanted)?;
				keys.into_iter().find(|key| *key == wanted).ok_or_else(|| {
					format!("keystore {}: no {type_name} key {wanted}", path.display())
				})?
			}
			None => match keys.as_slice() {
				[only] => *only,
				[] => {
					return Err(format!(
						"keystore {}: no sr25519 key of type {type_name}",
						path.display()
					)
					.into())
				}
				_ => {
					return Err(format!(
						"keystore {}: several sr25519 keys of type {type_name}; choose one with \
						 --key-public",
						path.display()
					)
					.into())
				}
			},
		};
		Ok(Signer::Keystore { keystore, key_type, public })
	}
}

/// An sr25519 key pair from a secret URI.
fn pair_from_suri(suri: &str) -> Result<sr25519::Pair, ToolError> {
	// The error's Debug names the problem (`InvalidPhrase`, `InvalidPath`, ...) without the
	// secret.
	Ok(sr25519::Pair::from_string(suri, None).map_err(|e| format!("invalid secret URI: {e:?}"))?)
}

/// An sr25519 public key from an address or hex.
fn public_from_text(text: &str) -> Result<sr25519::Public, ToolError> {
	if let Ok(public) = sr25519::Public::from_ss58check(text) {
		return Ok(public);
	}
	let bytes: [u8; 32] = from_hex(text)?
		.try_into()
		.map_err(|_| format!("{text}: neither an address nor a 32-byte hex public key"))?;
	Ok(sr25519::Public::from_raw(bytes))
}

impl Signer {
	/// The account that signs.
	pub fn account(&self) -> AccountId {
		AccountId::from(self.public())
	}

	fn public(&self) -> sr25519::Public {
		match self {
			Signer::Pair(pair) => pair.public(),
			Signer::Keystore { public, .. } => *public,
		}
	}

	/// Signs `message`.
	pub fn sign(&self, message: &[u8]) -> Result<sr25519::Signature, ToolError> {
		match self {
			Signer::Pair(pair) => Ok(pair.sign(message)),
			Signer::Keystore { keystore, key_type, public } => Ok(keystore
				.sr25519_sign(*key_type, public, message)
				.map_err(|e| format!("signing with the keystore: {e}"))?
				.ok_or("the keystore no longer holds the signing key")?),
		}
	}
}

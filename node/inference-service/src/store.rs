//! Where model bytes come from locally: the content-addressed [`ModelStore`] and the node's
//! [`IndexedModels`].

use std::{
	fmt::Write as _,
	fs,
	io::{self, Write as _},
	path::{Path, PathBuf},
	sync::atomic::{AtomicU64, Ordering},
};

/// The ONNX bytes of inline models, as the node received them through offchain indexing.
///
/// The node implements it over its offchain-indexing database. Lookups block (they may read a
/// database): the service calls them from a blocking context. Returned bytes are checked
/// against the hash before use.
pub trait IndexedModels: Send + Sync {
	/// The bytes whose blake2-256 hash is `hash`, if indexed.
	fn get(&self, hash: &[u8; 32]) -> Option<Vec<u8>>;
}

/// A directory of models, each stored as `<dir>/<hex of its blake2-256 hash>.onnx`.
///
/// Files are written atomically (a temporary file in the same directory, synced, then renamed
/// over the final name), so readers never see a partial model; every read is checked against
/// the hash. A crash during an import may leave a `.<hex hash>.<pid>.<n>.tmp` file behind; it
/// is never read and may be deleted. Methods block on the file system.
#[derive(Clone, Debug)]
pub struct ModelStore {
	dir: PathBuf,
}

/// Distinguishes the temporary files of concurrent imports within one process.
static NEXT_TEMP: AtomicU64 = AtomicU64::new(0);

impl ModelStore {
	/// Opens the store in `dir`, creating the directory if needed.
	///
	/// # Errors
	///
	/// When the directory cannot be created.
	pub fn open(dir: impl Into<PathBuf>) -> io::Result<Self> {
		let dir = dir.into();
		fs::create_dir_all(&dir)?;
		Ok(ModelStore { dir })
	}

	/// The store's directory.
	pub fn dir(&self) -> &Path {
		&self.dir
	}

	/// Where the model `hash` is stored (whether or not it is).
	pub fn path(&self, hash: &[u8; 32]) -> PathBuf {
		self.dir.join(format!("{}.onnx", hex(hash)))
	}

	/// The bytes of model `hash`, if stored and intact.
	///
	/// A file whose contents do not hash to `hash` is deleted and reported missing, so the
	/// model is acquired again.
	pub fn get(&self, hash: &[u8; 32]) -> Option<Vec<u8>> {
		let path = self.path(hash);
		let bytes = match fs::read(&path) {
			Ok(bytes) => bytes,
			Err(error) if error.kind() == io::ErrorKind::NotFound => return None,
			Err(error) => {
				log::warn!(target: crate::LOG_TARGET, "Cannot read {}: {error}", path.display());
				return None;
			}
		};
		if sp_crypto_hashing::blake2_256(&bytes) == *hash {
			return Some(bytes);
		}
		log::warn!(target: crate::LOG_TARGET, "{} is corrupt: deleting it", path.display());
		if let Err(error) = fs::remove_file(&path) {
			log::warn!(target: crate::LOG_TARGET, "Cannot delete {}: {error}", path.display());
		}
		None
	}

	/// Stores `bytes` under their blake2-256 hash, which is returned. Storing a model that is
	/// already there rewrites it (which also repairs a corrupt copy).
	///
	/// # Errors
	///
	/// When the file cannot be written; the store is left unchanged.
	pub fn import(&self, bytes: &[u8]) -> io::Result<[u8; 32]> {
		let hash = sp_crypto_hashing::blake2_256(bytes);
		let temp = self.dir.join(format!(
			".{}.{}.{}.tmp",
			hex(&hash),
			std::process::id(),
			NEXT_TEMP.fetch_add(1, Ordering::Relaxed)
		));
		let written = fs::File::create(&temp)
			.and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
			.and_then(|()| fs::rename(&temp, self.path(&hash)));
		if let Err(error) = written {
			// Best effort: the temporary file may not even exist.
			let _ = fs::remove_file(&temp);
			return Err(error);
		}
		Ok(hash)
	}

	/// Stores the contents of the file at `path`; see [`ModelStore::import`].
	///
	/// # Errors
	///
	/// When the file cannot be read or stored.
	pub fn import_file(&self, path: impl AsRef<Path>) -> io::Result<[u8; 32]> {
		self.import(&fs::read(path)?)
	}
}

/// Lower-case hexadecimal encoding.
pub(crate) fn hex(bytes: &[u8]) -> String {
	bytes.iter().fold(String::with_capacity(bytes.len().saturating_mul(2)), |mut out, byte| {
		// Writing to a `String` cannot fail.
		let _ = write!(out, "{byte:02x}");
		out
	})
}

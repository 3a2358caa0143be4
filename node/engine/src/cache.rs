//! The compiled-plan cache: least-recently-used eviction, bounded in entries and bytes.

use std::{collections::HashMap, sync::Arc};

/// Model id: the blake2-256 hash of the ONNX bytes.
pub(crate) type ModelHash = [u8; 32];

/// Why a plan could not be cached.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct TooLarge {
	/// Approximate size of the plan, in bytes.
	pub bytes: usize,
	/// The cache's byte budget.
	pub budget: usize,
}

struct Entry<V> {
	value: Arc<V>,
	bytes: usize,
	last_used: u64,
}

/// A map from model hash to compiled plan holding at most `max_entries` plans of at most
/// `max_bytes` bytes in total, evicting the least recently used first.
pub(crate) struct PlanCache<V> {
	entries: HashMap<ModelHash, Entry<V>>,
	clock: u64,
	bytes: usize,
	max_entries: usize,
	max_bytes: usize,
}

impl<V> PlanCache<V> {
	/// An empty cache.
	pub(crate) fn new(max_entries: usize, max_bytes: usize) -> Self {
		PlanCache { entries: HashMap::new(), clock: 0, bytes: 0, max_entries, max_bytes }
	}

	fn tick(&mut self) -> u64 {
		self.clock = self.clock.saturating_add(1);
		self.clock
	}

	/// The plan of `hash`, marking it as most recently used.
	pub(crate) fn get(&mut self, hash: &ModelHash) -> Option<Arc<V>> {
		let now = self.tick();
		self.entries.get_mut(hash).map(|entry| {
			entry.last_used = now;
			Arc::clone(&entry.value)
		})
	}

	/// Whether `hash` is cached, without touching its recency.
	pub(crate) fn contains(&self, hash: &ModelHash) -> bool {
		self.entries.contains_key(hash)
	}

	/// Inserts (or replaces) the plan of `hash`, evicting least recently used plans until the
	/// limits hold. Returns the hashes evicted.
	///
	/// # Errors
	///
	/// [`TooLarge`] if the plan alone exceeds the byte budget, or the cache holds no entry at
	/// all; the cache is then unchanged.
	pub(crate) fn insert(
		&mut self,
		hash: ModelHash,
		value: Arc<V>,
		bytes: usize,
	) -> Result<Vec<ModelHash>, TooLarge> {
		if bytes > self.max_bytes || self.max_entries == 0 {
			return Err(TooLarge { bytes, budget: self.max_bytes });
		}
		self.remove(&hash);
		let mut evicted = Vec::new();
		while self.entries.len() >= self.max_entries
			|| self.bytes.saturating_add(bytes) > self.max_bytes
		{
			let Some(oldest) = self.least_recently_used() else { break };
			self.remove(&oldest);
			evicted.push(oldest);
		}
		let last_used = self.tick();
		self.bytes = self.bytes.saturating_add(bytes);
		self.entries.insert(hash, Entry { value, bytes, last_used });
		Ok(evicted)
	}

	/// Removes the plan of `hash`; whether it was cached.
	pub(crate) fn remove(&mut self, hash: &ModelHash) -> bool {
		match self.entries.remove(hash) {
			Some(entry) => {
				self.bytes = self.bytes.saturating_sub(entry.bytes);
				true
			}
			None => false,
		}
	}

	fn least_recently_used(&self) -> Option<ModelHash> {
		self.entries.iter().min_by_key(|(_, entry)| entry.last_used).map(|(hash, _)| *hash)
	}

	/// Number of cached plans.
	pub(crate) fn len(&self) -> usize {
		self.entries.len()
	}

	/// Approximate size of the cached plans, in bytes.
	pub(crate) fn bytes(&self) -> usize {
		self.bytes
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn key(n: u8) -> ModelHash {
		[n; 32]
	}

	#[test]
	fn least_recently_used_is_evicted_first() {
		let mut cache = PlanCache::new(2, 1000);
		assert_eq!(cache.insert(key(1), Arc::new(1), 10), Ok(vec![]));
		assert_eq!(cache.insert(key(2), Arc::new(2), 10), Ok(vec![]));
		assert_eq!(cache.get(&key(1)).as_deref(), Some(&1));
		assert_eq!(cache.insert(key(3), Arc::new(3), 10), Ok(vec![key(2)]));
		assert!(cache.contains(&key(1)) && cache.contains(&key(3)) && !cache.contains(&key(2)));
		assert_eq!((cache.len(), cache.bytes()), (2, 20));
	}

	#[test]
	fn byte_budget_is_enforced() {
		let mut cache = PlanCache::new(10, 100);
		assert_eq!(cache.insert(key(1), Arc::new(1), 60), Ok(vec![]));
		assert_eq!(cache.insert(key(2), Arc::new(2), 30), Ok(vec![]));
		assert_eq!(cache.insert(key(3), Arc::new(3), 50), Ok(vec![key(1)]));
		assert_eq!(cache.bytes(), 80);
		assert_eq!(
			cache.insert(key(4), Arc::new(4), 101),
			Err(TooLarge { bytes: 101, budget: 100 })
		);
		assert_eq!(cache.len(), 2);
	}

	#[test]
	fn replacing_an_entry_updates_its_size() {
		let mut cache = PlanCache::new(2, 100);
		assert_eq!(cache.insert(key(1), Arc::new(1), 60), Ok(vec![]));
		assert_eq!(cache.insert(key(1), Arc::new(5), 70), Ok(vec![]));
		assert_eq!((cache.len(), cache.bytes()), (1, 70));
		assert_eq!(cache.get(&key(1)).as_deref(), Some(&5));
		assert!(cache.remove(&key(1)));
		assert_eq!((cache.len(), cache.bytes()), (0, 0));
	}

	#[test]
	fn a_cache_without_entries_refuses_everything() {
		let mut cache = PlanCache::new(0, 100);
		assert!(cache.insert(key(1), Arc::new(1), 1).is_err());
	}
}

//! Version 0 to 1: the agenda was a map from block to a bounded list of `(job, item)` entries,
//! where an entry that did not fit its block spilled to a later one while the job kept waiting
//! for the intended block (so it never moved on). Version 1 keeps one agenda entry per
//! unfinished job under a double map, handled within a weight budget, and prunes from a queue of
//! its own. The migration drops the old agenda and rebuilds both from the jobs themselves, which
//! also revives jobs the old agenda had lost: their deadlines, already past, fire at once.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

/// Version 0's storage: what a version-0 chain holds, for the migration and for tests that
/// build such a state.
pub mod v0 {
	use super::*;

	/// What version 0's agenda did with a job in a given block.
	#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
	pub enum AgendaItem {
		/// Move the job on if its phase was due.
		Advance,
		/// Remove the ended job from state.
		Prune,
	}

	/// Version 0's agenda, read without its bound so that any entry decodes.
	#[frame_support::storage_alias]
	pub type Agenda<T: Config> = StorageMap<
		Pallet<T>,
		Twox64Concat,
		BlockNumberFor<T>,
		Vec<(JobId, AgendaItem)>,
		ValueQuery,
	>;
}

/// Rebuilds the agenda and the prune queue from the stored jobs.
pub struct RebuildAgenda<T>(PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for RebuildAgenda<T> {
	fn on_runtime_upgrade() -> Weight {
		let now = frame_system::Pallet::<T>::block_number();
		let old_entries = v0::Agenda::<T>::drain().count() as u64;
		let mut cursor = now;
		let mut prunable = Vec::new();
		let mut jobs = 0u64;
		for (job_id, job) in Jobs::<T>::iter() {
			jobs.saturating_inc();
			match job.phase {
				JobPhase::Finalized { at } | JobPhase::Failed { at, .. } => {
					prunable.push((at.saturating_add(T::RetentionPeriod::get()), job_id))
				}
				phase => {
					let due = phase.due().unwrap_or(now);
					cursor = cursor.min(due);
					Pallet::<T>::schedule(due, job_id);
				}
			}
		}
		prunable.sort_unstable();
		for (at, job_id) in prunable {
			Pallet::<T>::enqueue_prune(job_id, at);
		}
		AgendaCursor::<T>::put(cursor);
		log::info!(
			target: "runtime::inference",
			"migrated to v1: {old_entries} old agenda blocks dropped, {jobs} jobs rescheduled"
		);
		T::DbWeight::get().reads_writes(
			old_entries.saturating_add(jobs).saturating_add(1),
			old_entries.saturating_add(2 * jobs).saturating_add(2),
		)
	}

	/// Records what the migration must keep or rebuild: the jobs as stored, and how many are
	/// unfinished (each needs one agenda entry) and ended (each needs a place in the prune
	/// queue).
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		let (mut unfinished, mut ended) = (0u64, 0u64);
		for (_, job) in Jobs::<T>::iter() {
			if job.is_done() {
				ended.saturating_inc();
			} else {
				unfinished.saturating_inc();
			}
		}
		Ok((jobs_digest::<T>(), unfinished, ended).encode())
	}

	/// Checks that the jobs are unchanged, that no version-0 agenda entry is left, that every
	/// unfinished job is on the new agenda once and every ended job queued for pruning once, and
	/// then the pallet's invariants.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::storage::{KeyPrefixIterator, StoragePrefixedMap};
		let (digest, unfinished, ended) = <([u8; 32], u64, u64)>::decode(&mut &state[..])
			.map_err(|_| "the pre-upgrade state does not decode")?;
		ensure!(jobs_digest::<T>() == digest, "the migration changed a stored job");
		// Both versions' agendas live under the same prefix; a version-0 key does not decode as
		// a version-1 one, so only a raw count sees one left behind.
		let prefix = Agenda::<T>::final_prefix().to_vec();
		let raw = KeyPrefixIterator::new(prefix.clone(), prefix, |_| Ok(())).count() as u64;
		let entries = Agenda::<T>::iter_keys().count() as u64;
		ensure!(raw == entries, "a version-0 agenda entry is left");
		ensure!(entries == unfinished, "the agenda does not hold each unfinished job once");
		let (start, end) = PruneQueueRange::<T>::get();
		ensure!(end.saturating_sub(start) == ended, "the prune queue does not hold each ended job");
		Pallet::<T>::do_try_state()
	}
}

/// blake2-256 of every stored job, in storage order.
#[cfg(feature = "try-runtime")]
fn jobs_digest<T: Config>() -> [u8; 32] {
	sp_io::hashing::blake2_256(&Jobs::<T>::iter().collect::<Vec<_>>().encode())
}

/// The migration from version 0 to 1, run once and then a no-op.
pub type MigrateV0ToV1<T> =
	VersionedMigration<0, 1, RebuildAgenda<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	use opg_inference_primitives::ComparisonPolicy;

	#[test]
	fn the_agenda_and_the_prune_queue_are_rebuilt_from_the_jobs() {
		ExtBuilder::default().build_and_execute(|| {
			let model = register(ComparisonPolicy::Exact, 1);
			// A finished job and one stuck in its commit phase, as version 0 left them: the
			// stuck job's deadline entry had spilled to a block that never acted on it.
			let (done, attestors) = assigned_job(model, 1);
			let out = output([0.5, 0.5]);
			commit_as(attestors[0], done, &out);
			reveal_as(attestors[0], done, &out);
			next_block();
			let (stuck, _) = assigned_job(model, 1);
			let deadline = match Jobs::<Test>::get(stuck).unwrap().phase {
				JobPhase::Committing { deadline } => deadline,
				phase => panic!("{phase:?}"),
			};
			let _ = Agenda::<Test>::clear(u32::MAX, None);
			PruneQueueRange::<Test>::kill();
			let _ = PruneQueue::<Test>::clear(u32::MAX, None);
			v0::Agenda::<Test>::insert(deadline + 3, vec![(stuck, v0::AgendaItem::Advance)]);
			v0::Agenda::<Test>::insert(99, vec![(done, v0::AgendaItem::Prune)]);
			StorageVersion::new(0).put::<Pallet<Test>>();

			MigrateV0ToV1::<Test>::on_runtime_upgrade();

			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
			assert!(Agenda::<Test>::contains_key(deadline, stuck), "back at its deadline");
			assert_eq!(Agenda::<Test>::iter().count(), 1);
			assert_eq!(PruneQueue::<Test>::get(0).map(|(job, _)| job), Some(done));
			Pallet::<Test>::do_try_state().expect("invariants hold after the migration");
			// The stuck job moves on: nobody committed, so it escalates.
			roll_to(deadline + 1);
			assert_eq!(Jobs::<Test>::get(stuck).unwrap().round, 1);
		});
	}
}

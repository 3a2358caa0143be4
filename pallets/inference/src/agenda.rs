//! Where deadlines and pruning are kept: the agenda holds every unfinished job once, under the
//! block its phase is due; the prune queue holds ended jobs in the order they ended. The
//! drivers that act on them are in `lifecycle` (`on_initialize`) and `pruning` (`on_idle`).

use crate::pallet::*;
use crate::types::JobId;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Puts `job_id` on the agenda of block `at`.
	pub(crate) fn schedule(at: BlockNumberFor<T>, job_id: JobId) {
		Agenda::<T>::insert(at, job_id, ());
	}

	/// Takes `job_id` off the agenda of block `at`, when its phase ends before it is due.
	pub(crate) fn unschedule(at: BlockNumberFor<T>, job_id: JobId) {
		Agenda::<T>::remove(at, job_id);
	}

	/// The first entry of block `block`'s agenda, if any.
	pub(crate) fn first_due(block: BlockNumberFor<T>) -> Option<JobId> {
		Agenda::<T>::iter_key_prefix(block).next()
	}

	/// Queues an ended job for pruning from block `at`. Jobs end in block order, so the queue
	/// stays sorted by `at`.
	pub(crate) fn enqueue_prune(job_id: JobId, at: BlockNumberFor<T>) {
		PruneQueueRange::<T>::mutate(|(_, end)| {
			PruneQueue::<T>::insert(*end, (job_id, at));
			end.saturating_inc();
		});
	}

	/// Takes the oldest queued job if it may be pruned at `now`.
	pub(crate) fn dequeue_prunable(now: BlockNumberFor<T>) -> Option<JobId> {
		let (start, end) = PruneQueueRange::<T>::get();
		if start >= end {
			return None;
		}
		match PruneQueue::<T>::get(start) {
			Some((_, at)) if at > now => None,
			entry => {
				PruneQueue::<T>::remove(start);
				PruneQueueRange::<T>::put((start.saturating_add(1), end));
				entry.map(|(job_id, _)| job_id)
			}
		}
	}
}

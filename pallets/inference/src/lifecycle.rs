//! The agenda's driver, run from `on_initialize`: every due job moves to its next phase, oldest
//! block first, within [`Config::AgendaWeight`]. What does not fit stays on the agenda for the
//! next block: a burst of jobs is delayed, never lost, and a late deadline still fires (commits
//! and reveals are refused after their deadline whether or not it was handled yet).

use crate::{assignment::DrawPool, pallet::*, types::*, OnJobOutcome, WeightInfo};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Handles the due part of the agenda. Returns the weight used.
	pub(crate) fn process_agenda(now: BlockNumberFor<T>) -> Weight {
		let budget = T::AgendaWeight::get();
		let item = Self::max_agenda_item_weight();
		let read = T::DbWeight::get().reads_writes(1, 1);
		let mut used = T::WeightInfo::on_initialize_base();
		let mut block = AgendaCursor::<T>::get();
		let mut pool = DrawPool::default();
		while block <= now && used.saturating_add(read).all_lte(budget) {
			used.saturating_accrue(read);
			let Some(job_id) = Self::first_due(block) else {
				block.saturating_inc();
				continue;
			};
			if !used.saturating_add(item).all_lte(budget) {
				break;
			}
			Self::unschedule(block, job_id);
			used.saturating_accrue(Self::advance(job_id, block, now, &mut pool));
		}
		AgendaCursor::<T>::put(block);
		used
	}

	/// Moves a job whose agenda entry at `due` is handled at `now` to its next phase, drawing
	/// from the block's `pool`. Returns the weight used.
	pub(crate) fn advance(
		job_id: JobId,
		due: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
		pool: &mut DrawPool<T::AccountId>,
	) -> Weight {
		let Some(mut job) = Jobs::<T>::get(job_id) else { return T::DbWeight::get().reads(1) };
		let redundancy = job.redundancy;
		match job.phase {
			JobPhase::Assigning { .. } => {
				let (attestors, read) = Self::pooled_attestors(pool);
				Self::assign(job_id, &mut job, due, now, attestors);
				Jobs::<T>::insert(job_id, job);
				T::WeightInfo::assign(redundancy).saturating_add(read)
			}
			JobPhase::Committing { .. } => {
				// With a single commitment in, reveals open even if no quorum can form: what
				// is revealed shows the model could be run, so silence can be charged.
				if job.assignments.iter().all(|a| a.commitment.is_none()) {
					Self::resolve_round(job_id, job, now)
				} else {
					Self::open_reveals(job_id, &mut job, now);
					Jobs::<T>::insert(job_id, job);
					T::WeightInfo::close_commits()
				}
			}
			JobPhase::Revealing { .. } | JobPhase::Resolving { .. } => {
				Self::resolve_round(job_id, job, now)
			}
			// An ended job is on the agenda only where its challenge window closes.
			JobPhase::Finalized { .. } | JobPhase::Failed { .. } => Self::close_window(job_id),
		}
	}

	/// Resolves the current round of `job_id`; returns what that round weighed, not the
	/// heaviest round ([`Pallet::resolve_weight`], which the agenda keeps room for): the
	/// revealed outputs' size as found (see [`Pallet::bytes_component`]), and an ordinary round
	/// hands the outcome handler its own attestors, while a challenge's re-execution round is
	/// settled and also hands it the quorum it overturns.
	fn resolve_round(job_id: JobId, job: JobOf<T>, now: BlockNumberFor<T>) -> Weight {
		let attestors = job.redundancy;
		let challenged = Self::is_challenged(job_id);
		let output_bytes = Self::resolve(job_id, job, now);
		if challenged {
			Self::resolve_weight(attestors)
		} else {
			let bytes = Self::bytes_component(output_bytes, T::MaxRedundancy::get());
			T::WeightInfo::resolve(attestors, bytes)
				.saturating_add(T::OnOutcome::max_weight(attestors))
				.saturating_add(T::DbWeight::get().reads(1))
		}
	}
}

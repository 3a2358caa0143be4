//! Step 2 of a job's life: the draw of its attestors, from the enabled validators that have
//! room for another job, with randomness from a block after the submission. A job gets exactly
//! the redundancy it paid for: when too few attestors have room, it waits for them, at most
//! `MaxAssignmentWait` blocks, then fails with its fee refunded; and when that is because they
//! are full, submissions are refused until an assignment ends (`AttestorsFullSince`).

use crate::{pallet::*, types::*, AttestorSet};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{pallet_prelude::*, traits::Randomness};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{One, Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Draws the attestors of the job's current round, or puts the draw off a block. `due` is
	/// the block of the agenda entry being handled: the wait counts from the first attempt at
	/// `at`, so an agenda running late does not shorten it.
	pub(crate) fn assign(
		job_id: JobId,
		job: &mut JobOf<T>,
		due: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) {
		let needed = job.redundancy;
		let (drawn, full) = Self::draw(job_id, job.round, needed);
		if (drawn.len() as u32) < needed {
			if full && !AttestorsFullSince::<T>::exists() {
				AttestorsFullSince::<T>::put(now);
			}
			let JobPhase::Assigning { at } = job.phase else { return };
			let waited = if due == at { Zero::zero() } else { now.saturating_sub(at) };
			if waited < T::MaxAssignmentWait::get() {
				let retry_at = now.saturating_add(One::one());
				Self::schedule(retry_at, job_id);
				Self::deposit_event(Event::AssignmentDelayed {
					job_id,
					available: drawn.len() as u32,
					needed,
					retry_at,
				});
			} else if Self::is_challenged(job_id) {
				Self::abandon_challenge(job_id, job, now);
			} else {
				Self::fail(job_id, job, FailureReason::NotEnoughAttestors, now);
			}
			return;
		}

		let mut assignments = BoundedVec::new();
		for attestor in &drawn {
			let added = AttestorJobs::<T>::try_mutate(attestor, |jobs| jobs.try_push(job_id));
			let pushed = assignments.try_push(Assignment {
				attestor: attestor.clone(),
				commitment: None,
				reveal: RevealState::Pending,
			});
			// `draw` only returns attestors with room, at most `redundancy <= MaxRedundancy`.
			if added.is_err() || pushed.is_err() {
				log::error!(target: "runtime::inference", "job {job_id}: drawn attestor without room");
			}
		}
		job.assignments = assignments;
		let deadline = now.saturating_add(T::CommitWindow::get());
		job.phase = JobPhase::Committing { deadline };
		Self::schedule(deadline, job_id);
		Self::deposit_event(Event::AttestorsAssigned {
			job_id,
			round: job.round,
			attestors: drawn,
		});
	}

	/// Up to `needed` attestors with room for another job, in a random order seeded by this
	/// block's randomness, the job and the round, and whether a candidate was passed over for
	/// having no room. Fewer when too few have room. A challenge's re-execution leaves out the
	/// quorum it re-examines.
	fn draw(job_id: JobId, round: u32, needed: u32) -> (Vec<T::AccountId>, bool) {
		let mut candidates = T::Attestors::attestors();
		let excluded = Self::excluded_from_draw(job_id);
		candidates.retain(|candidate| !excluded.contains(candidate));
		let subject = (b"opg/assign", job_id, round).encode();
		let seed = T::Randomness::random(&subject)
			.0
			.unwrap_or_else(frame_system::Pallet::<T>::parent_hash)
			.encode();
		let capacity = T::MaxJobsPerAttestor::get() as usize;
		let mut drawn = Vec::new();
		let mut full = false;
		let mut next = 0usize;
		while next < candidates.len() && (drawn.len() as u32) < needed {
			let remaining = candidates.len().saturating_sub(next);
			let draw = (next as u32, &seed).using_encoded(sp_io::hashing::blake2_256);
			let offset = u32::from_le_bytes([draw[0], draw[1], draw[2], draw[3]]) as usize;
			candidates.swap(next, next.saturating_add(offset % remaining));
			if let Some(candidate) = candidates.get(next) {
				if AttestorJobs::<T>::decode_len(candidate).unwrap_or(0) < capacity {
					drawn.push(candidate.clone());
				} else {
					full = true;
				}
			}
			next.saturating_inc();
		}
		(drawn, full)
	}
}

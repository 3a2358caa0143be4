//! Step 2 of a job's life: the draw of its attestors, from the enabled validators that have
//! room for another job, with randomness from a block after the submission. A job gets exactly
//! the redundancy it paid for: when too few attestors have room, it waits for them, at most
//! `MaxAssignmentWait` blocks, then fails with its fee refunded; and when that is because they
//! are full, submissions are refused until an assignment ends (`AttestorsFullSince`).
//!
//! The draws of one block share a [`DrawPool`]: the attestor set and each attestor's room are
//! read once, when the block's first draw needs them, so a draw costs its own writes however
//! many validators there are.

use crate::{pallet::*, types::*, AttestorSet, WeightInfo};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{pallet_prelude::*, traits::Randomness};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{One, Saturating, Zero};

/// The attestors the draws of one block choose from, each with the room it has left for jobs,
/// read from state when the first draw needs them. Room freed later in the block (a round
/// resolved after the pool was read) is seen from the next block on.
pub(crate) struct DrawPool<AccountId>(Option<Vec<(AccountId, u32)>>);

impl<AccountId> Default for DrawPool<AccountId> {
	fn default() -> Self {
		Self(None)
	}
}

impl<T: Config> Pallet<T> {
	/// The pool's attestors, read from state if they were not yet; the weight of reading them
	/// is returned the first time, zero afterwards.
	pub(crate) fn pooled_attestors(
		pool: &mut DrawPool<T::AccountId>,
	) -> (&mut Vec<(T::AccountId, u32)>, Weight) {
		let read = pool.0.is_none();
		let attestors = pool.0.get_or_insert_with(Self::read_attestors);
		// Validators passed over as chilled were read too: the count bounds them.
		let weight = if read {
			let read = (attestors.len() as u32).max(T::Attestors::attestor_count());
			T::WeightInfo::draw_pool(read)
		} else {
			Weight::zero()
		};
		(attestors, weight)
	}

	/// A pool read from state now.
	#[cfg(feature = "runtime-benchmarks")]
	pub(crate) fn draw_pool() -> DrawPool<T::AccountId> {
		DrawPool(Some(Self::read_attestors()))
	}

	/// The attestors that may be drawn now, with the room each has left.
	pub(crate) fn read_attestors() -> Vec<(T::AccountId, u32)> {
		let capacity = T::MaxJobsPerAttestor::get();
		T::Attestors::attestors()
			.into_iter()
			.map(|attestor| {
				let assigned = AttestorJobs::<T>::decode_len(&attestor).unwrap_or(0) as u32;
				(attestor, capacity.saturating_sub(assigned))
			})
			.collect()
	}

	/// Draws the attestors of the job's current round from `pool`, or puts the draw off a
	/// block. `due` is the block of the agenda entry being handled: the wait counts from the
	/// first attempt at `at`, so an agenda running late does not shorten it.
	pub(crate) fn assign(
		job_id: JobId,
		job: &mut JobOf<T>,
		due: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
		pool: &mut [(T::AccountId, u32)],
	) {
		let needed = job.redundancy;
		let (drawn, full) = Self::draw(job_id, job.round, needed, pool);
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

	/// Up to `needed` attestors of `pool` with room for another job, in a random order seeded
	/// by this block's randomness, the job and the round, and whether a candidate was passed
	/// over for having no room. Fewer when too few have room; the room of those drawn is taken
	/// only when enough were. A challenge's re-execution leaves out the quorum it re-examines.
	fn draw(
		job_id: JobId,
		round: u32,
		needed: u32,
		pool: &mut [(T::AccountId, u32)],
	) -> (Vec<T::AccountId>, bool) {
		let excluded = Self::excluded_from_draw(job_id);
		let mut candidates: Vec<usize> = (0..pool.len())
			.filter(|&i| pool.get(i).is_some_and(|(a, _)| !excluded.contains(a)))
			.collect();
		let subject = (b"opg/assign", job_id, round).encode();
		let seed = T::Randomness::random(&subject)
			.0
			.unwrap_or_else(frame_system::Pallet::<T>::parent_hash)
			.encode();
		let mut drawn = Vec::new();
		let mut full = false;
		let mut next = 0usize;
		while next < candidates.len() && (drawn.len() as u32) < needed {
			let remaining = candidates.len().saturating_sub(next);
			let draw = (next as u32, &seed).using_encoded(sp_io::hashing::blake2_256);
			let offset = u32::from_le_bytes([draw[0], draw[1], draw[2], draw[3]]) as usize;
			candidates.swap(next, next.saturating_add(offset % remaining));
			match candidates.get(next).and_then(|&i| pool.get(i).map(|entry| (i, entry))) {
				Some((i, (_, room))) if *room > 0 => drawn.push(i),
				Some(_) => full = true,
				None => {}
			}
			next.saturating_inc();
		}
		if (drawn.len() as u32) < needed {
			let accounts = drawn.iter().filter_map(|&i| pool.get(i)).map(|(a, _)| a.clone());
			return (accounts.collect(), full);
		}
		let mut accounts = Vec::with_capacity(drawn.len());
		for i in drawn {
			if let Some((attestor, room)) = pool.get_mut(i) {
				room.saturating_dec();
				accounts.push(attestor.clone());
			}
		}
		(accounts, full)
	}
}

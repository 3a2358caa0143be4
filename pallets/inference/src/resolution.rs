//! Step 4 of a job's life: resolution of a round. Reveals are grouped under the model's
//! comparison policy; a quorum finalises the job, is paid, and opens the result's challenge
//! window; without one, the job escalates to a larger set of attestors or fails. A challenge's
//! re-execution round is settled by `challenge` instead. Every ended round goes to the outcome
//! handler.

use crate::{pallet::*, types::*, AttestorSet, OnJobOutcome};
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use opg_inference_primitives::{outcomes_agree, ComparisonPolicy, InferenceOutcome};
use sp_core::H256;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Ends the current round: finalises the job if a quorum agrees, else escalates or fails.
	/// Returns the size of the revealed outputs, in data bytes.
	pub(crate) fn resolve(job_id: JobId, mut job: JobOf<T>, now: BlockNumberFor<T>) -> u32 {
		let policy = Models::<T>::get(job.model).map(|m| m.metadata.policy);
		let assigned = job.assignments.len() as u32;
		let reveals: Vec<(usize, InferenceOutcome)> = job
			.assignments
			.iter()
			.enumerate()
			.filter(|(_, a)| a.reveal == RevealState::Valid)
			.filter_map(|(i, _)| Reveals::<T>::take(job_id, i as u32).map(|o| (i, o)))
			.collect();
		let output_bytes =
			reveals.iter().fold(0u32, |total, (_, o)| total.saturating_add(Self::outcome_bytes(o)));
		let agreed_result = policy
			.as_ref()
			.and_then(|policy| Self::representative(policy, &reveals))
			.filter(|(_, support)| *support >= Self::quorum_threshold(assigned))
			.and_then(|(position, _)| reveals.get(position))
			.map(|(_, outcome)| outcome.clone());

		let mut outcome = RoundOutcome {
			job_id,
			round: job.round,
			agreed: Vec::new(),
			disagreed: Vec::new(),
			mismatched: Vec::new(),
			withheld: Vec::new(),
			absent: Vec::new(),
			valid_reveals: reveals.len() as u32,
			fee_shares: Vec::new(),
			quorum: agreed_result.is_some(),
			reporter: None,
		};
		for (index, assignment) in job.assignments.iter().enumerate() {
			let who = assignment.attestor.clone();
			match (assignment.commitment, assignment.reveal) {
				(_, RevealState::Mismatched) => outcome.mismatched.push(who),
				(None, _) => outcome.absent.push(who),
				(Some(_), RevealState::Pending) => outcome.withheld.push(who),
				(Some(_), RevealState::Valid) => {
					// Without a quorum, nobody can be said to be wrong.
					if let (Some(result), Some(policy)) = (&agreed_result, &policy) {
						let revealed = reveals.iter().find(|(i, _)| *i == index).map(|(_, o)| o);
						if revealed.is_some_and(|o| outcomes_agree(policy, result, o)) {
							outcome.agreed.push(who);
						} else {
							outcome.disagreed.push(who);
						}
					}
				}
			}
		}
		Self::free_attestors(job_id, &job.assignments);

		if Self::is_challenged(job_id) {
			Self::settle_challenge(job_id, &mut job, agreed_result, &mut outcome, now);
		} else {
			match agreed_result {
				Some(result) => Self::finalize(job_id, &mut job, result, &mut outcome, now),
				None => Self::escalate_or_fail(job_id, &mut job, outcome.valid_reveals > 0, now),
			}
		}
		T::OnOutcome::on_round_end(&outcome);
		Jobs::<T>::insert(job_id, job);
		output_bytes
	}

	/// Takes a round's ended job off its attestors' lists. They have room again, so submissions
	/// are admitted again if they were refused for full attestors.
	fn free_attestors(job_id: JobId, assignments: &[Assignment<T::AccountId>]) {
		for assignment in assignments {
			AttestorJobs::<T>::mutate(&assignment.attestor, |jobs| jobs.retain(|j| *j != job_id));
		}
		if !assignments.is_empty() && AttestorsFullSince::<T>::exists() {
			AttestorsFullSince::<T>::kill();
		}
	}

	/// Least number of agreeing attestors for a quorum among `assigned`.
	pub fn quorum_threshold(assigned: u32) -> u32 {
		T::Quorum::get().mul_ceil(assigned).max(1)
	}

	/// The reveal most others agree with, and how many agree with it (itself included); ties go
	/// to the earliest assigned attestor, so the choice is deterministic. Under `Exact`, reveals
	/// are grouped by the hash of their encoding, in O(r log r); tolerance policies compare
	/// every pair, in O(r²) comparisons.
	fn representative(
		policy: &ComparisonPolicy,
		reveals: &[(usize, InferenceOutcome)],
	) -> Option<(usize, u32)> {
		let mut best: Option<(usize, u32)> = None;
		let mut consider = |position: usize, support: u32| {
			if best.is_none_or(|(_, s)| support > s) {
				best = Some((position, support));
			}
		};
		if *policy == ComparisonPolicy::Exact {
			let mut groups = BTreeMap::<[u8; 32], (usize, u32)>::new();
			for (position, (_, outcome)) in reveals.iter().enumerate() {
				let key = outcome.hash();
				groups.entry(key).or_insert((position, 0)).1.saturating_inc();
			}
			let mut ranked: Vec<(usize, u32)> = groups.into_values().collect();
			ranked.sort_unstable_by_key(|(position, _)| *position);
			ranked.into_iter().for_each(|(position, support)| consider(position, support));
		} else {
			for (position, (_, outcome)) in reveals.iter().enumerate() {
				let support = reveals
					.iter()
					.filter(|(_, other)| outcomes_agree(policy, outcome, other))
					.count() as u32;
				consider(position, support);
			}
		}
		best
	}

	/// Ends the job with the quorum's outcome: pays the agreeing attestors, refunds the rest,
	/// and opens the result's challenge window.
	fn finalize(
		job_id: JobId,
		job: &mut JobOf<T>,
		result: InferenceOutcome,
		outcome: &mut RoundOutcome<T::AccountId, BalanceOf<T>>,
		now: BlockNumberFor<T>,
	) {
		let fee_paid = Self::pay_attestors(job, outcome);
		let refunded = Self::release_fee(job, job.max_fee.saturating_sub(fee_paid));
		let result_hash = H256::from(result.hash());
		job.result_hash = Some(result_hash);
		let challengeable_until = Self::open_window(job_id, job.round, outcome, now);
		match result {
			InferenceOutcome::Failure(code) => {
				let reason = FailureReason::ModelError(code);
				job.phase = JobPhase::Failed { at: now, reason };
				Self::deposit_event(Event::JobFailed {
					job_id,
					reason,
					refunded,
					burnt: Zero::zero(),
				});
			}
			InferenceOutcome::Success(_) => {
				job.phase = JobPhase::Finalized { at: now };
				Self::prove_model(job.model);
				Self::deposit_event(Event::JobFinalized {
					job_id,
					result_hash,
					agreed: outcome.agreed.len() as u32,
					fee_paid,
					challengeable_until,
				});
			}
		}
		Results::<T>::insert(job_id, result);
		Self::enqueue_prune(job_id, now.saturating_add(T::RetentionPeriod::get()));
	}

	/// Pays `AttestationFee` from the held fee to each agreeing attestor. Returns the total.
	fn pay_attestors(
		job: &JobOf<T>,
		outcome: &mut RoundOutcome<T::AccountId, BalanceOf<T>>,
	) -> BalanceOf<T> {
		let share = T::AttestationFee::get();
		let mut paid: BalanceOf<T> = Zero::zero();
		for attestor in &outcome.agreed {
			if paid.saturating_add(share) > job.max_fee {
				break;
			}
			let moved = T::Currency::transfer_on_hold(
				&HoldReason::JobFee.into(),
				&job.submitter,
				attestor,
				share,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			);
			match moved {
				Ok(amount) => {
					paid.saturating_accrue(amount);
					outcome.fee_shares.push((attestor.clone(), amount));
				}
				Err(e) => log::warn!(
					target: "runtime::inference",
					"fee share of job {} not paid to {:?}: {:?}", outcome.job_id, attestor, e
				),
			}
		}
		paid
	}

	/// Releases `amount` of the job's held fee back to the submitter. Returns what was released.
	fn release_fee(job: &JobOf<T>, amount: BalanceOf<T>) -> BalanceOf<T> {
		if amount.is_zero() {
			return amount;
		}
		T::Currency::release(
			&HoldReason::JobFee.into(),
			&job.submitter,
			amount,
			Precision::BestEffort,
		)
		.unwrap_or_else(|e| {
			log::error!(target: "runtime::inference", "refund failed: {e:?}");
			Zero::zero()
		})
	}

	/// Starts a new round with more attestors, or fails the job if it cannot grow. A job whose
	/// last round saw no valid reveal could not be run by anyone (or its attestors kept silent
	/// with its submitter): it fails as [`FailureReason::Unavailable`].
	fn escalate_or_fail(
		job_id: JobId,
		job: &mut JobOf<T>,
		anyone_revealed: bool,
		now: BlockNumberFor<T>,
	) {
		let available = T::Attestors::attestor_count();
		let previous = job.assignments.len() as u32;
		let larger = previous
			.saturating_mul(2)
			.saturating_add(1)
			.min(T::MaxRedundancy::get())
			.min(available);
		let affordable = job.max_fee >= T::AttestationFee::get().saturating_mul(larger.into());
		if job.round < T::MaxEscalations::get() && larger > previous && affordable {
			let at = now.saturating_add(T::AssignmentDelay::get());
			job.round.saturating_inc();
			job.redundancy = larger;
			job.assignments = BoundedVec::new();
			job.phase = JobPhase::Assigning { at };
			Self::schedule(at, job_id);
			Self::deposit_event(Event::JobEscalated {
				job_id,
				round: job.round,
				redundancy: larger,
			});
		} else if anyone_revealed {
			Self::fail(job_id, job, FailureReason::NoQuorum, now);
		} else {
			Self::fail(job_id, job, FailureReason::Unavailable, now);
		}
	}

	/// Ends a job without an output. Its fee is refunded, except, for a job nobody could run,
	/// the attestation fees of its last round, which are burnt: whoever submits jobs of an
	/// unavailable model pays for the validators' wasted work, not the validators.
	pub(crate) fn fail(
		job_id: JobId,
		job: &mut JobOf<T>,
		reason: FailureReason,
		now: BlockNumberFor<T>,
	) {
		Self::free_attestors(job_id, &job.assignments);
		let _ = Reveals::<T>::clear_prefix(job_id, T::MaxRedundancy::get(), None);
		let burnt = match reason {
			FailureReason::Unavailable => Self::burn_fee(job, job.assignments.len() as u32),
			_ => Zero::zero(),
		};
		let refunded = Self::release_fee(job, job.max_fee.saturating_sub(burnt));
		job.phase = JobPhase::Failed { at: now, reason };
		Self::deposit_event(Event::JobFailed { job_id, reason, refunded, burnt });
		Self::enqueue_prune(job_id, now.saturating_add(T::RetentionPeriod::get()));
	}

	/// Burns `AttestationFee` per attestor of the round from the job's held fee.
	fn burn_fee(job: &JobOf<T>, attestors: u32) -> BalanceOf<T> {
		let amount = T::AttestationFee::get().saturating_mul(attestors.into()).min(job.max_fee);
		T::Currency::burn_held(
			&HoldReason::JobFee.into(),
			&job.submitter,
			amount,
			Precision::BestEffort,
			Fortitude::Force,
		)
		.unwrap_or_else(|e| {
			log::error!(target: "runtime::inference", "burning a fee failed: {e:?}");
			Zero::zero()
		})
	}
}

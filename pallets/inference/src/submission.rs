//! Step 1 of a job's life: submission. The input is checked against the model's signature and
//! the chain's bounds, the job is admitted if the chain can start it on time, the fee is held,
//! and the draw is put on the agenda.

use crate::{pallet::*, types::*, AttestorSet};
use frame_support::{pallet_prelude::*, traits::fungible::MutateHold};
use frame_system::pallet_prelude::BlockNumberFor;
use opg_inference_primitives::{Tensor, Tensors};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Submits a job; returns its id.
	pub(crate) fn do_submit(
		submitter: T::AccountId,
		model: ModelHash,
		input: Tensors,
		redundancy: Option<u32>,
		max_fee: BalanceOf<T>,
	) -> Result<JobId, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		Self::ensure_admissible(now)?;
		let mut info = Models::<T>::get(model).ok_or(Error::<T>::ModelNotFound)?;
		ensure!(info.status == ModelStatus::Active, Error::<T>::ModelRetired);
		ensure!(
			Self::nominal_bytes(&input) <= u64::from(T::MaxInputBytes::get()),
			Error::<T>::InputTooLarge
		);
		info.metadata.signature.check_inputs(&input).map_err(|_| Error::<T>::InvalidInput)?;
		let redundancy = redundancy.unwrap_or(info.metadata.default_redundancy);
		let available = T::Attestors::attestor_count();
		ensure!(
			redundancy >= 1 && redundancy <= T::MaxRedundancy::get() && redundancy <= available,
			Error::<T>::InvalidRedundancy
		);
		ensure!(
			max_fee >= T::AttestationFee::get().saturating_mul(redundancy.into()),
			Error::<T>::FeeTooLow
		);
		T::Currency::hold(&HoldReason::JobFee.into(), &submitter, max_fee)
			.map_err(|_| Error::<T>::InsufficientBalance)?;

		let job_id = NextJobId::<T>::get();
		let assign_at = now.saturating_add(T::AssignmentDelay::get());
		info.jobs.saturating_inc();
		Models::<T>::insert(model, info);
		NextJobId::<T>::put(job_id.saturating_add(1));
		Inputs::<T>::insert(job_id, input);
		Jobs::<T>::insert(
			job_id,
			Job {
				model,
				submitter: submitter.clone(),
				redundancy,
				max_fee,
				submitted_at: now,
				round: 0,
				phase: JobPhase::Assigning { at: assign_at },
				assignments: BoundedVec::new(),
				result_hash: None,
			},
		);
		Self::schedule(assign_at, job_id);
		Self::deposit_event(Event::JobSubmitted { job_id, model, submitter, redundancy, max_fee });
		Ok(job_id)
	}

	/// Admission control: a job is taken only if the chain can start it on time, so that under
	/// load the jobs already admitted keep their latency and new ones are refused up front, with
	/// nothing held, instead of waiting to fail. Two reads, the first thing a submission does:
	/// a refused one is charged only them ([`Pallet::submit_job`]).
	fn ensure_admissible(now: BlockNumberFor<T>) -> DispatchResult {
		let lag = now.saturating_sub(AgendaCursor::<T>::get());
		ensure!(lag <= T::MaxAgendaLag::get(), Error::<T>::AgendaBehind);
		ensure!(!AttestorsFullSince::<T>::exists(), Error::<T>::AttestorsBusy);
		Ok(())
	}

	/// The size the inputs would have with every zero-length axis at 1: a tensor of shape
	/// `[0, 4_000_000_000]` carries no data but would make a model allocate along its other
	/// axes, so it counts as the 4 billion elements it names.
	fn nominal_bytes(tensors: &[Tensor]) -> u64 {
		tensors.iter().fold(0u64, |total, tensor| {
			let elements = tensor
				.shape
				.iter()
				.fold(1u64, |n, &extent| n.saturating_mul(u64::from(extent.max(1))));
			total.saturating_add(
				elements.saturating_mul(u64::from(tensor.element_type.size_bytes())),
			)
		})
	}
}

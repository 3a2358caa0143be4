//! Models: registration (with its checks and the superseding of unproven URI registrations),
//! proof by a finalised job, and retirement.

use crate::{pallet::*, types::*};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use opg_inference_primitives::{ComparisonPolicy, Dim, ModelSignature};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Registers a model after checking its metadata and holding the deposit. An inline
	/// registration supersedes an unproven URI registration of the same hash.
	pub(crate) fn do_register(
		owner: T::AccountId,
		model: ModelHash,
		size: u32,
		source: ModelSource<T::MaxUriLength>,
		metadata: ModelMetadataOf<T>,
	) -> DispatchResult {
		ensure!(size > 0, Error::<T>::EmptyModel);
		Self::check_metadata(&metadata)?;
		let existing = Models::<T>::get(model);
		let superseded = match (&existing, &source) {
			(None, _) => None,
			(Some(info), ModelSource::Inline) if matches!(info.source, ModelSource::Uri(_)) => {
				existing
			}
			_ => return Err(Error::<T>::ModelAlreadyRegistered.into()),
		};
		let per_byte = match source {
			ModelSource::Inline => T::ModelDepositPerByte::get().saturating_mul(size.into()),
			ModelSource::Uri(_) | ModelSource::ProvenUri(_) => Zero::zero(),
		};
		let deposit = T::ModelDepositBase::get().saturating_add(per_byte);
		T::Currency::hold(&HoldReason::ModelDeposit.into(), &owner, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		let jobs = superseded.as_ref().map_or(0, |previous| previous.jobs);
		if let Some(previous) = superseded {
			let released = Self::release_deposit(&previous.owner, previous.deposit);
			Self::deposit_event(Event::ModelSuperseded {
				model,
				previous_owner: previous.owner,
				deposit_released: released,
			});
		}
		Models::<T>::insert(
			model,
			ModelInfo {
				owner: owner.clone(),
				metadata,
				size,
				source,
				deposit,
				status: ModelStatus::Active,
				registered_at: frame_system::Pallet::<T>::block_number(),
				jobs,
			},
		);
		Self::deposit_event(Event::ModelRegistered { model, owner, size, deposit });
		Ok(())
	}

	fn check_metadata(metadata: &ModelMetadataOf<T>) -> DispatchResult {
		Self::check_signature(&metadata.signature)?;
		Self::check_policy(&metadata.policy)?;
		// Integer and bool outputs are computed exactly on every CPU; a tolerance on them would
		// only let wrong answers agree (`Ulps { max_ulps: 255 }` accepts any `u8`).
		let exact_outputs =
			metadata.signature.outputs.iter().any(|spec| !spec.element_type.is_float());
		ensure!(!exact_outputs || metadata.policy.is_exact(), Error::<T>::InvalidPolicy);
		ensure!(
			metadata.default_redundancy >= 1
				&& metadata.default_redundancy <= T::MaxRedundancy::get(),
			Error::<T>::InvalidRedundancy
		);
		Ok(())
	}

	fn check_signature(signature: &ModelSignature) -> DispatchResult {
		signature.validate().map_err(|_| Error::<T>::InvalidModelSignature)?;
		ensure!(
			Self::least_output_bytes(signature) <= u64::from(T::MaxOutputBytes::get()),
			Error::<T>::OutputsTooLarge
		);
		Ok(())
	}

	/// The smallest total size the declared outputs can have: every dynamic axis at 1.
	fn least_output_bytes(signature: &ModelSignature) -> u64 {
		signature.outputs.iter().fold(0u64, |total, spec| {
			let elements = spec.shape.iter().fold(1u64, |count, dim| match dim {
				Dim::Fixed(extent) => count.saturating_mul(u64::from(*extent)),
				Dim::Dynamic => count,
			});
			total.saturating_add(elements.saturating_mul(u64::from(spec.element_type.size_bytes())))
		})
	}

	/// A policy is valid and its tolerance within the chain's bounds, so that not every output
	/// agrees with every other.
	fn check_policy(policy: &ComparisonPolicy) -> DispatchResult {
		policy.validate().map_err(|_| Error::<T>::InvalidPolicy)?;
		let within_bounds = match *policy {
			ComparisonPolicy::Exact | ComparisonPolicy::Deterministic => true,
			ComparisonPolicy::Ulps { max_ulps } => max_ulps <= T::MaxUlps::get(),
			ComparisonPolicy::AbsRel { abs_e9, rel_e9 } => {
				abs_e9 <= T::MaxAbsTolerance::get() && rel_e9 <= T::MaxRelTolerance::get()
			}
		};
		ensure!(within_bounds, Error::<T>::ToleranceTooLarge);
		Ok(())
	}

	/// Marks a URI model proven once a quorum finalised a job on it.
	pub(crate) fn prove_model(model: ModelHash) {
		Models::<T>::mutate(model, |entry| {
			if let Some(info) = entry {
				if let ModelSource::Uri(uri) = &info.source {
					info.source = ModelSource::ProvenUri(uri.clone());
					Self::deposit_event(Event::ModelProven { model });
				}
			}
		});
	}

	/// Retires `model` for its owner `who`.
	pub(crate) fn do_retire(who: T::AccountId, model: ModelHash) -> DispatchResult {
		let mut info = Models::<T>::get(model).ok_or(Error::<T>::ModelNotFound)?;
		ensure!(info.owner == who, Error::<T>::NotModelOwner);
		ensure!(info.status == ModelStatus::Active, Error::<T>::ModelRetired);
		let released = Self::release_deposit(&who, info.deposit);
		info.status = ModelStatus::Retired;
		info.deposit = Zero::zero();
		if info.jobs == 0 {
			Models::<T>::remove(model);
		} else {
			Models::<T>::insert(model, info);
		}
		Self::deposit_event(Event::ModelRetired { model, deposit_released: released });
		Ok(())
	}

	fn release_deposit(owner: &T::AccountId, deposit: BalanceOf<T>) -> BalanceOf<T> {
		T::Currency::release(
			&HoldReason::ModelDeposit.into(),
			owner,
			deposit,
			Precision::BestEffort,
		)
		.unwrap_or_else(|e| {
			log::error!(target: "runtime::inference", "deposit release failed: {e:?}");
			Zero::zero()
		})
	}
}

//! Version 0 to 1: a pending report gained its `reporter`, the challenger whose challenge
//! exposed the offence. Reports queued under version 0 had none; the migration rewrites each
//! with `reporter: None`.

use crate::{pallet::*, types::*};
#[cfg(feature = "try-runtime")]
use alloc::vec::Vec;
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
};
use sp_staking::SessionIndex;

/// Version 0's storage.
pub mod v0 {
	use super::*;

	/// A pending report as version 0 stored it.
	#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
	pub struct PendingReport<AccountId> {
		/// The attestor.
		pub offender: AccountId,
		/// The session it happened in.
		pub session: SessionIndex,
		/// What happened.
		pub kind: OffenceKind,
	}

	/// Version 0's queue of pending reports.
	#[frame_support::storage_alias]
	pub type PendingReports<T: Config> = StorageMap<
		Pallet<T>,
		Twox64Concat,
		u32,
		PendingReport<<T as frame_system::Config>::AccountId>,
	>;
}

/// Rewrites every pending report with no reporter.
pub struct AddReporter<T>(PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for AddReporter<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut migrated = 0u64;
		PendingReports::<T>::translate::<v0::PendingReport<T::AccountId>, _>(|_, old| {
			migrated = migrated.saturating_add(1);
			Some(PendingReport {
				offender: old.offender,
				session: old.session,
				kind: old.kind,
				reporter: None,
			})
		});
		log::info!(target: crate::LOG_TARGET, "migrated {migrated} pending reports to v1");
		T::DbWeight::get().reads_writes(migrated, migrated)
	}

	/// Records the pending reports as version 0 holds them.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Ok(v0::PendingReports::<T>::iter().collect::<Vec<_>>().encode())
	}

	/// Checks that every report is kept, in place, without a reporter, and the invariants.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = Vec::<(u32, v0::PendingReport<T::AccountId>)>::decode(&mut &state[..])
			.map_err(|_| "the pre-upgrade state does not decode")?;
		ensure!(
			PendingReports::<T>::iter().count() == before.len(),
			"the migration lost or added a pending report"
		);
		for (position, old) in before {
			let new = PendingReports::<T>::get(position).ok_or("a pending report was lost")?;
			ensure!(
				new.offender == old.offender
					&& new.session == old.session
					&& new.kind == old.kind
					&& new.reporter.is_none(),
				"a pending report changed"
			);
		}
		Pallet::<T>::do_try_state()
	}
}

/// The migration from version 0 to 1, run once and then a no-op.
pub type MigrateV0ToV1<T> =
	VersionedMigration<0, 1, AddReporter<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn pending_reports_keep_their_place_without_a_reporter() {
		ExtBuilder::default().build_and_execute(|| {
			StorageVersion::new(0).put::<Pallet<Test>>();
			let old = |offender| v0::PendingReport {
				offender,
				session: 3,
				kind: OffenceKind::Fault { job_id: 7, round: 0 },
			};
			v0::PendingReports::<Test>::insert(0, old(11));
			v0::PendingReports::<Test>::insert(1, old(12));
			ReportQueue::<Test>::put(QueueEnds { head: 0, tail: 2 });

			MigrateV0ToV1::<Test>::on_runtime_upgrade();

			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
			for (position, offender) in [(0, 11), (1, 12)] {
				assert_eq!(
					PendingReports::<Test>::get(position),
					Some(PendingReport {
						offender,
						session: 3,
						kind: OffenceKind::Fault { job_id: 7, round: 0 },
						reporter: None,
					})
				);
			}
		});
	}
}

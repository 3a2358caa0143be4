//! A test runtime: System and the attestation economics, with a settable validator set and
//! session, and reward and offence sinks that record what they receive.

use crate::{self as pallet_attestation_economics, *};
use codec::Encode;
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::Hooks, weights::Weight};
use pallet_inference::RoundOutcome;
use sp_runtime::{traits::ConvertInto, BuildStorage, Perbill};
use sp_staking::offence::{Kind, Offence, OffenceError};

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		AttestationEconomics: pallet_attestation_economics,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	pub static Validators: Vec<AccountId> = vec![1, 2, 3, 4];
	pub static Session: SessionIndex = 0;
	pub static PointsPerAttestation: u32 = 10;
	pub static FaultSlash: Perbill = Perbill::from_percent(5);
	pub static AbsenceSlash: Perbill = Perbill::from_percent(1);
	pub static AbsenceThreshold: u32 = 3;
	pub static MaxTrackedAttestors: u32 = 200;
	pub static MaxPendingReports: u32 = 64;
	pub static MaxReportsPerBlock: u32 = 2;
}

thread_local! {
	static POINTS: RefCell<Vec<(AccountId, u32)>> = const { RefCell::new(Vec::new()) };
	static REPORTS: RefCell<Vec<Report>> = const { RefCell::new(Vec::new()) };
}

/// An offence as the mock offences sink received it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Report {
	pub kind: Kind,
	pub slot: Vec<u8>,
	pub session: SessionIndex,
	pub offenders: Vec<AccountId>,
	pub fraction: Perbill,
	pub reporters: Vec<AccountId>,
}

/// Era points received so far, in order.
pub fn points() -> Vec<(AccountId, u32)> {
	POINTS.with(|p| p.borrow().clone())
}

/// Offences received so far, in order.
pub fn reports() -> Vec<Report> {
	REPORTS.with(|r| r.borrow().clone())
}

/// The validator set: `Validators`, identified with `()` while they are in it.
pub struct MockValidatorSet;
impl ValidatorSet<AccountId> for MockValidatorSet {
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	fn session_index() -> SessionIndex {
		Session::get()
	}
	fn validators() -> Vec<AccountId> {
		Validators::get()
	}
}
impl ValidatorSetWithIdentification<AccountId> for MockValidatorSet {
	type Identification = ();
	type IdentificationOf = IdentifyActive;
}
pub struct IdentifyActive;
impl Convert<AccountId, Option<()>> for IdentifyActive {
	fn convert(who: AccountId) -> Option<()> {
		Validators::get().contains(&who).then_some(())
	}
}

pub struct RecordPoints;
impl RewardsReporter<AccountId> for RecordPoints {
	fn reward_by_ids(points: impl IntoIterator<Item = (AccountId, u32)>) {
		POINTS.with(|p| p.borrow_mut().extend(points));
	}
}

/// Records offences, refusing those whose every offender was already reported in the same
/// kind and slot, as pallet-offences does.
pub struct RecordOffences;
impl<O: Offence<(AccountId, ())>> ReportOffence<AccountId, (AccountId, ()), O> for RecordOffences {
	fn report_offence(reporters: Vec<AccountId>, offence: O) -> Result<(), OffenceError> {
		let offenders: Vec<AccountId> = offence.offenders().into_iter().map(|(id, _)| id).collect();
		if <Self as ReportOffence<_, _, O>>::is_known_offence(&offence.offenders(), &offence.slot())
		{
			return Err(OffenceError::DuplicateReport);
		}
		let report = Report {
			kind: O::ID,
			slot: offence.slot().encode(),
			session: offence.session_index(),
			fraction: offence.slash_fraction(offenders.len() as u32),
			offenders,
			reporters,
		};
		REPORTS.with(|r| r.borrow_mut().push(report));
		Ok(())
	}

	fn is_known_offence(offenders: &[(AccountId, ())], slot: &O::Slot) -> bool {
		let slot = slot.encode();
		REPORTS.with(|r| {
			let reports = r.borrow();
			offenders.iter().all(|(who, _)| {
				reports
					.iter()
					.any(|rep| rep.kind == O::ID && rep.slot == slot && rep.offenders.contains(who))
			})
		})
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MakeValidators;
#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MakeValidators {
	fn validators(n: u32) -> Vec<AccountId> {
		let validators: Vec<AccountId> = (1_000..1_000 + AccountId::from(n)).collect();
		Validators::set(validators.clone());
		validators
	}
}

impl Config for Test {
	type ValidatorSet = MockValidatorSet;
	type Rewards = RecordPoints;
	type ReportOffence = RecordOffences;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MakeValidators;
	type PointsPerAttestation = PointsPerAttestation;
	type FaultSlash = FaultSlash;
	type AbsenceSlash = AbsenceSlash;
	type AbsenceThreshold = AbsenceThreshold;
	type MaxTrackedAttestors = MaxTrackedAttestors;
	type MaxPendingReports = MaxPendingReports;
	type MaxReportsPerBlock = MaxReportsPerBlock;
}

/// Builds test externalities; every scenario's `try_state` runs when it ends.
#[derive(Default)]
pub struct ExtBuilder {
	validators: Option<Vec<AccountId>>,
	absence_threshold: Option<u32>,
}

impl ExtBuilder {
	pub fn validators(mut self, validators: Vec<AccountId>) -> Self {
		self.validators = Some(validators);
		self
	}

	pub fn absence_threshold(mut self, threshold: u32) -> Self {
		self.absence_threshold = Some(threshold);
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		Validators::set(self.validators.unwrap_or_else(|| vec![1, 2, 3, 4]));
		AbsenceThreshold::set(self.absence_threshold.unwrap_or(3));
		Session::set(0);
		POINTS.with(|p| p.borrow_mut().clear());
		REPORTS.with(|r| r.borrow_mut().clear());
		let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			AttestationEconomics::integrity_test();
			AttestationEconomics::do_try_state().expect("try_state holds");
		});
	}
}

/// A round outcome of job `job_id`, round 0.
pub fn round(
	job_id: u64,
	agreed: &[AccountId],
	disagreed: &[AccountId],
	mismatched: &[AccountId],
	absent: &[AccountId],
) -> RoundOutcome<AccountId, u64> {
	RoundOutcome {
		job_id,
		round: 0,
		agreed: agreed.to_vec(),
		disagreed: disagreed.to_vec(),
		mismatched: mismatched.to_vec(),
		withheld: Vec::new(),
		absent: absent.to_vec(),
		valid_reveals: (agreed.len() + disagreed.len()) as u32,
		fee_shares: Vec::new(),
		quorum: !agreed.is_empty(),
		reporter: None,
	}
}

/// Hands `outcome` to the pallet, as the inference pallet does when a round ends.
pub fn end_round(outcome: &RoundOutcome<AccountId, u64>) -> Weight {
	<AttestationEconomics as OnJobOutcome<AccountId, u64>>::on_round_end(outcome)
}

/// Runs blocks up to `n`, with the pallet's `on_initialize`; returns the last block's weight.
pub fn roll_to(n: u64) -> Weight {
	let mut weight = Weight::zero();
	while System::block_number() < n {
		System::set_block_number(System::block_number() + 1);
		weight = AttestationEconomics::on_initialize(System::block_number());
	}
	weight
}

/// Runs the next block.
pub fn next_block() -> Weight {
	roll_to(System::block_number() + 1)
}

/// This pallet's events so far.
pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::AttestationEconomics(event) => Some(event),
			_ => None,
		})
		.collect()
}

//! A test runtime: System, Balances and the inference pallet, with a settable attestor set, a
//! deterministic randomness source and an outcome handler that records every round.

use crate::{self as pallet_inference, *};
use codec::Encode;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Get, Hooks, Randomness},
};
use opg_inference_primitives::{
	commitment, ComparisonPolicy, Dim, ElementType, InferenceOutcome, ModelSignature, Tensor,
	TensorSpec, Tensors,
};
use sp_core::H256;
use sp_runtime::{
	testing::{TestSignature, TestXt, UintAuthorityId},
	BuildStorage, Perbill,
};

pub type AccountId = u64;
pub type Balance = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Inference: pallet_inference,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

type Extrinsic = TestXt<RuntimeCall, ()>;

impl frame_system::offchain::SigningTypes for Test {
	type Public = UintAuthorityId;
	type Signature = TestSignature;
}

impl<C> frame_system::offchain::CreateTransactionBase<C> for Test
where
	RuntimeCall: From<C>,
{
	type RuntimeCall = RuntimeCall;
	type Extrinsic = Extrinsic;
}

impl<C> frame_system::offchain::CreateSignedTransaction<C> for Test
where
	RuntimeCall: From<C>,
{
	fn create_signed_transaction<
		A: frame_system::offchain::AppCrypto<Self::Public, Self::Signature>,
	>(
		call: RuntimeCall,
		_public: UintAuthorityId,
		account: AccountId,
		_nonce: u32,
	) -> Option<Extrinsic> {
		Some(TestXt::new_signed(call, account, (), ()))
	}
}

/// Test attestor keys: `UintAuthorityId(n)` signs for account `n`.
pub struct TestAuthId;
impl frame_system::offchain::AppCrypto<UintAuthorityId, TestSignature> for TestAuthId {
	type RuntimeAppPublic = UintAuthorityId;
	type GenericPublic = UintAuthorityId;
	type GenericSignature = TestSignature;
}

parameter_types! {
	pub static Attestors: Vec<AccountId> = vec![11, 12, 13, 14, 15];
	pub static Outcomes: Vec<RoundOutcome<AccountId, Balance>> = vec![];
	pub static RandomnessAvailable: bool = true;
}

pub struct TestAttestors;
impl AttestorSet<AccountId> for TestAttestors {
	fn attestors() -> Vec<AccountId> {
		Attestors::get()
	}
	fn attestor_of(signer: &AccountId) -> Option<AccountId> {
		Some(*signer)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_attestors(attestors: Vec<AccountId>) {
		Attestors::set(attestors)
	}
}

/// Randomness that differs per subject and block, like BABE's, or none before the first VRF.
pub struct TestRandomness;
impl Randomness<Option<H256>, u64> for TestRandomness {
	fn random(subject: &[u8]) -> (Option<H256>, u64) {
		let block = System::block_number();
		let random = RandomnessAvailable::get()
			.then(|| H256::from(sp_io::hashing::blake2_256(&(subject, block).encode())));
		(random, block)
	}
}

pub struct RecordOutcomes;
impl OnJobOutcome<AccountId, Balance> for RecordOutcomes {
	fn on_round_end(outcome: &RoundOutcome<AccountId, Balance>) -> Weight {
		Outcomes::mutate(|o| o.push(outcome.clone()));
		Weight::zero()
	}
	fn max_weight(_: u32) -> Weight {
		Weight::zero()
	}
}

pub const ATTESTATION_FEE: Balance = 10;
pub const DEPOSIT_BASE: Balance = 100;
pub const DEPOSIT_PER_BYTE: Balance = 1;
pub const ASSIGNMENT_DELAY: u64 = 2;
pub const COMMIT_WINDOW: u64 = 5;
pub const REVEAL_WINDOW: u64 = 5;
pub const RETENTION: u64 = 20;
pub const JOBS_PER_ATTESTOR: u32 = 4;
pub const MAX_BATCH: u32 = 3;
pub const MAX_ULPS: u32 = 1024;
pub const MAX_ABS_TOLERANCE: u64 = 1_000_000;
pub const MAX_REL_TOLERANCE: u32 = 1_000_000;
pub const CHALLENGE_WINDOW: u64 = 6;
/// Five attestors' fees, as `integrity_test` requires at `MaxRedundancy` 5.
pub const CHALLENGE_BOND_BASE: Balance = 5 * ATTESTATION_FEE;
pub const MAX_CHALLENGES: u32 = 2;
pub const MAX_AGENDA_LAG: u64 = 2;

impl pallet_inference::Config for Test {
	type AuthorityId = TestAuthId;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Attestors = TestAttestors;
	type Randomness = TestRandomness;
	type OnOutcome = RecordOutcomes;
	type WeightInfo = ();
	type MaxModelBytes = ConstU32<1024>;
	type MaxRemoteModelBytes = ConstU32<{ 64 * 1024 * 1024 }>;
	type MaxNameLength = ConstU32<32>;
	type MaxUriLength = ConstU32<128>;
	type ModelDepositBase = ConstU64<DEPOSIT_BASE>;
	type ModelDepositPerByte = ConstU64<DEPOSIT_PER_BYTE>;
	type MaxInputBytes = ConstU32<256>;
	type MaxOutputBytes = ConstU32<256>;
	type MaxUlps = ConstU32<MAX_ULPS>;
	type MaxAbsTolerance = ConstU64<MAX_ABS_TOLERANCE>;
	type MaxRelTolerance = ConstU32<MAX_REL_TOLERANCE>;
	type InferenceBounds = InferenceBounds;
	type MaxRedundancy = ConstU32<5>;
	type MaxAttestors = ConstU32<8>;
	type AttestationFee = ConstU64<ATTESTATION_FEE>;
	type AssignmentDelay = ConstU64<ASSIGNMENT_DELAY>;
	type MaxAssignmentWait = AssignmentWait;
	type CommitWindow = ConstU64<COMMIT_WINDOW>;
	type RevealWindow = ConstU64<REVEAL_WINDOW>;
	type Quorum = QuorumShare;
	type MaxEscalations = ConstU32<1>;
	type RetentionPeriod = ConstU64<RETENTION>;
	type AgendaWeight = AgendaBudget;
	type MaxAgendaLag = ConstU64<MAX_AGENDA_LAG>;
	type MaxJobsPerAttestor = ConstU32<JOBS_PER_ATTESTOR>;
	type MaxBatch = ConstU32<MAX_BATCH>;
	type ChallengeWindow = ConstU64<CHALLENGE_WINDOW>;
	type ChallengeBondBase = ConstU64<CHALLENGE_BOND_BASE>;
	type ChallengeBondShare = ChallengeBondShare;
	type MaxChallenges = ConstU32<MAX_CHALLENGES>;
}

parameter_types! {
	pub QuorumShare: Perbill = Perbill::from_rational(2u32, 3u32);
	/// Half the job's fee.
	pub const ChallengeBondShare: Perbill = Perbill::from_percent(50);
	pub const InferenceBounds: opg_inference_primitives::ResourceBounds =
		opg_inference_primitives::ResourceBounds::OPG;
	/// Room for this many of the agenda's heaviest items per block; tests lower it to make the
	/// agenda spill over several blocks.
	pub static AgendaItemsPerBlock: u64 = 64;
	/// Blocks a job waits for attestors with room; the burst test lengthens it.
	pub static AssignmentWait: u64 = 3;
	pub AgendaBudget: Weight = Inference::max_agenda_item_weight()
		.saturating_mul(AgendaItemsPerBlock::get())
		.saturating_add(<() as WeightInfo>::on_initialize_base())
		.saturating_add(<<Test as frame_system::Config>::DbWeight as Get<frame_support::weights::RuntimeDbWeight>>::get().reads_writes(1, 1));
}

/// The submitter, the model owner and a funded outsider.
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const POOR: AccountId = 3;
pub const INITIAL_BALANCE: Balance = 10_000;

pub struct ExtBuilder {
	attestors: Vec<AccountId>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { attestors: vec![11, 12, 13, 14, 15] }
	}
}

impl ExtBuilder {
	pub fn attestors(mut self, attestors: Vec<AccountId>) -> Self {
		self.attestors = attestors;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut balances = vec![(ALICE, INITIAL_BALANCE), (BOB, INITIAL_BALANCE), (POOR, 50)];
		balances.extend(self.attestors.iter().map(|a| (*a, INITIAL_BALANCE)));
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
		}
		.build_storage()
		.expect("valid genesis");
		let attestors = self.attestors;
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			Attestors::set(attestors);
			Outcomes::set(vec![]);
			RandomnessAvailable::set(true);
			AgendaItemsPerBlock::set(64);
			AssignmentWait::set(3);
			System::set_block_number(1);
		});
		ext
	}

	/// Builds, runs the test, and checks the pallet's invariants afterwards.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Inference::do_try_state().expect("invariants hold");
		})
	}
}

/// Advances to block `n`, running the hooks of every block on the way.
pub fn roll_to(n: u64) {
	while System::block_number() < n {
		Inference::on_finalize(System::block_number());
		System::set_block_number(System::block_number() + 1);
		Inference::on_initialize(System::block_number());
		// Idle time comes at the end of a block; tests act on the block after it.
		Inference::on_idle(System::block_number(), Weight::MAX);
		Inference::do_try_state().expect("invariants hold after every block");
	}
}

/// The error of a refused `commit` or `reveal`, without the weight it was charged.
pub fn refused(
	result: frame_support::dispatch::DispatchResultWithPostInfo,
) -> Result<(), sp_runtime::DispatchError> {
	result.map(|_| ()).map_err(|e| e.error)
}

/// Advances one block.
pub fn next_block() {
	roll_to(System::block_number() + 1);
}

/// The pallet's events since the last call, oldest first.
pub fn inference_events() -> Vec<pallet_inference::Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Inference(e) => Some(e),
			_ => None,
		})
		.collect();
	System::reset_events();
	events
}

/// ONNX bytes of a model (the pallet only hashes them).
pub fn onnx(seed: u8) -> Vec<u8> {
	vec![seed; 64]
}

pub fn model_hash(bytes: &[u8]) -> ModelHash {
	H256::from(sp_io::hashing::blake2_256(bytes))
}

/// A model taking one f32 tensor of shape [batch, 4] and returning one of [batch, 2].
pub fn metadata(policy: ComparisonPolicy, default_redundancy: u32) -> ModelMetadataOf<Test> {
	let spec = |n: u32| TensorSpec {
		element_type: ElementType::F32,
		shape: vec![Dim::Dynamic, Dim::Fixed(n)].try_into().unwrap(),
	};
	ModelMetadata {
		name: b"mlp".to_vec().try_into().unwrap(),
		version: 1,
		signature: ModelSignature {
			inputs: vec![spec(4)].try_into().unwrap(),
			outputs: vec![spec(2)].try_into().unwrap(),
		},
		policy,
		default_redundancy,
	}
}

/// Registers a model owned by Bob; returns its hash.
pub fn register(policy: ComparisonPolicy, default_redundancy: u32) -> ModelHash {
	let bytes = onnx(7);
	frame_support::assert_ok!(Inference::register_model(
		RuntimeOrigin::signed(BOB),
		bytes.clone(),
		metadata(policy, default_redundancy)
	));
	model_hash(&bytes)
}

pub fn input() -> Tensors {
	vec![Tensor::from_values::<f32>(vec![1, 4], &[1.0, 2.0, 3.0, 4.0]).unwrap()].try_into().unwrap()
}

pub fn output(values: [f32; 2]) -> InferenceOutcome {
	InferenceOutcome::Success(
		vec![Tensor::from_values::<f32>(vec![1, 2], &values).unwrap()].try_into().unwrap(),
	)
}

pub fn salt(attestor: AccountId) -> [u8; 32] {
	[attestor as u8; 32]
}

pub fn commitment_of(attestor: AccountId, job_id: JobId, outcome: &InferenceOutcome) -> Commitment {
	commitment(&attestor.encode(), job_id, outcome, &salt(attestor))
}

/// Submits a job from Alice with the given redundancy; returns its id.
pub fn submit(model: ModelHash, redundancy: u32) -> JobId {
	let id = NextJobId::<Test>::get();
	frame_support::assert_ok!(Inference::submit_job(
		RuntimeOrigin::signed(ALICE),
		model,
		input(),
		Some(redundancy),
		ATTESTATION_FEE * 10,
	));
	id
}

/// The current round's attestors of a job.
pub fn attestors_of(job_id: JobId) -> Vec<AccountId> {
	Jobs::<Test>::get(job_id).unwrap().assignments.iter().map(|a| a.attestor).collect()
}

pub fn commit_as(attestor: AccountId, job_id: JobId, outcome: &InferenceOutcome) {
	frame_support::assert_ok!(Inference::commit(
		RuntimeOrigin::signed(attestor),
		vec![(job_id, commitment_of(attestor, job_id, outcome))].try_into().unwrap()
	));
}

pub fn reveal_as(attestor: AccountId, job_id: JobId, outcome: &InferenceOutcome) {
	frame_support::assert_ok!(Inference::reveal(
		RuntimeOrigin::signed(attestor),
		vec![Reveal { job_id, outcome: outcome.clone(), salt: salt(attestor) }].try_into().unwrap()
	));
}

/// What honest attestors' workers do in a block: every attestor commits `outcome` to each of
/// its jobs in the commit phase and reveals it for each of its jobs in the reveal phase, one
/// batch of each per attestor.
pub fn attest_honestly(outcome: &InferenceOutcome) {
	for attestor in Attestors::get() {
		let mut commits = Vec::new();
		let mut reveals = Vec::new();
		for job_id in AttestorJobs::<Test>::get(attestor) {
			let job = Jobs::<Test>::get(job_id).unwrap();
			let me = &job.assignments[job.position(&attestor).unwrap()];
			match job.phase {
				JobPhase::Committing { .. } if me.commitment.is_none() => {
					commits.push((job_id, commitment_of(attestor, job_id, outcome)))
				}
				JobPhase::Revealing { .. } if me.reveal == RevealState::Pending => {
					reveals.push(Reveal { job_id, outcome: outcome.clone(), salt: salt(attestor) })
				}
				_ => {}
			}
		}
		for batch in commits.chunks(MAX_BATCH as usize) {
			frame_support::assert_ok!(Inference::commit(
				RuntimeOrigin::signed(attestor),
				batch.to_vec().try_into().unwrap()
			));
		}
		for batch in reveals.chunks(MAX_BATCH as usize) {
			frame_support::assert_ok!(Inference::reveal(
				RuntimeOrigin::signed(attestor),
				batch.to_vec().try_into().unwrap()
			));
		}
	}
}

/// Submits a job and rolls to its assignment; returns the id and its attestors.
pub fn assigned_job(model: ModelHash, redundancy: u32) -> (JobId, Vec<AccountId>) {
	let id = submit(model, redundancy);
	roll_to(System::block_number() + ASSIGNMENT_DELAY);
	(id, attestors_of(id))
}

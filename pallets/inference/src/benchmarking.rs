//! Benchmarks of the inference pallet (frame-benchmarking v2), each at its worst case.

use super::*;
use crate::pallet::{
	AttestorJobs, Disputes, Inputs, Jobs, Models, NextJobId, PruneQueueRange, Reveals,
};
use alloc::{vec, vec::Vec};
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Mutate, MutateHold},
		Hooks,
	},
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use opg_inference_primitives::{
	commitment, ComparisonPolicy, Dim, ElementType, InferenceOutcome, ModelSignature, Tensor,
	TensorSpec, Tensors,
};
use sp_runtime::traits::{Bounded, Saturating};

const SEED: u32 = 0;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1_000u32.into());
	who
}

/// An f32 vector in, f32 vector out model signature under a tolerance (the costliest
/// comparison), so any multiple of four bytes is a valid input or output.
fn metadata<T: Config>() -> ModelMetadataOf<T> {
	let spec = || TensorSpec {
		element_type: ElementType::F32,
		shape: vec![Dim::Dynamic].try_into().expect("rank 1"),
	};
	ModelMetadata {
		name: vec![b'm'; T::MaxNameLength::get() as usize].try_into().expect("max length"),
		version: 1,
		signature: ModelSignature {
			inputs: vec![spec()].try_into().expect("one input"),
			outputs: vec![spec()].try_into().expect("one output"),
		},
		policy: ComparisonPolicy::Ulps { max_ulps: 4 },
		default_redundancy: 1,
	}
}

/// One f32 vector of about `len` bytes (at least one element), every byte `fill`.
fn bytes_tensors(len: u32, fill: u8) -> Tensors {
	let elements = (len / 4).max(1);
	let tensor = Tensor::new(ElementType::F32, vec![elements], vec![fill; elements as usize * 4])
		.expect("a valid f32 vector");
	vec![tensor].try_into().expect("one tensor")
}

fn register<T: Config>(owner: &T::AccountId, seed: u8) -> ModelHash {
	let bytes = vec![seed; 32];
	let model = ModelHash::from(sp_io::hashing::blake2_256(&bytes));
	Pallet::<T>::do_register(owner.clone(), model, 32, ModelSource::Inline, metadata::<T>())
		.expect("registration succeeds");
	model
}

/// `r` attestors, set as the attestor set.
fn attestors<T: Config>(r: u32) -> Vec<T::AccountId> {
	let all: Vec<T::AccountId> = (0..r).map(|i| funded::<T>("attestor", i)).collect();
	T::Attestors::set_attestors(all.clone());
	all
}

/// A job of `attestors` in the given phase, with its fee held, as the pallet would store it.
fn job<T: Config>(
	model: ModelHash,
	submitter: &T::AccountId,
	attestors: &[T::AccountId],
	phase: JobPhase<BlockNumberFor<T>>,
) -> JobId {
	let redundancy = attestors.len() as u32;
	let max_fee = T::AttestationFee::get().saturating_mul(redundancy.into());
	T::Currency::hold(&HoldReason::JobFee.into(), submitter, max_fee).expect("funded");
	let job_id = NextJobId::<T>::get();
	NextJobId::<T>::put(job_id + 1);
	Models::<T>::mutate(model, |m| {
		if let Some(m) = m {
			m.jobs += 1
		}
	});
	Inputs::<T>::insert(job_id, bytes_tensors(T::MaxInputBytes::get(), 1));
	let assignments = attestors
		.iter()
		.map(|a| {
			AttestorJobs::<T>::mutate(a, |jobs| jobs.try_push(job_id).expect("room"));
			Assignment { attestor: a.clone(), commitment: None, reveal: RevealState::Pending }
		})
		.collect::<Vec<_>>()
		.try_into()
		.expect("at most MaxRedundancy");
	Jobs::<T>::insert(
		job_id,
		Job {
			model,
			submitter: submitter.clone(),
			redundancy,
			max_fee,
			submitted_at: frame_system::Pallet::<T>::block_number(),
			round: 0,
			phase,
			assignments,
			result_hash: None,
		},
	);
	if let Some(due) = phase.due() {
		Pallet::<T>::schedule(due, job_id);
	}
	job_id
}

fn output<T: Config>(fill: u8) -> InferenceOutcome {
	sized_output(T::MaxOutputBytes::get(), fill)
}

/// An output of `bytes` data bytes (at least one element).
fn sized_output(bytes: u32, fill: u8) -> InferenceOutcome {
	InferenceOutcome::Success(bytes_tensors(bytes, fill))
}

/// Fills each attestor's list of unfinished jobs up to `MaxJobsPerAttestor` less `room`, with
/// ids of no job: taking a job off a full list is the worst case.
fn load<T: Config>(attestors: &[T::AccountId], room: u32) {
	let filler = JobId::MAX - u64::from(T::MaxJobsPerAttestor::get());
	for a in attestors {
		AttestorJobs::<T>::mutate(a, |jobs| {
			let mut id = filler;
			while (jobs.len() as u32) < T::MaxJobsPerAttestor::get().saturating_sub(room) {
				jobs.try_push(id).expect("below the bound");
				id += 1;
			}
		});
	}
}

fn salt() -> [u8; 32] {
	[7; 32]
}

/// Marks every attestor of `job_id` committed to `outcome`.
fn commit_all<T: Config>(job_id: JobId, outcome: &InferenceOutcome) {
	Jobs::<T>::mutate(job_id, |job| {
		let job = job.as_mut().expect("exists");
		for a in job.assignments.iter_mut() {
			a.commitment = Some(commitment(&a.attestor.encode(), job_id, outcome, &salt()));
		}
	});
}

/// A job finalised at `now` by `attestors` less the last, who disagreed: its result has a
/// dispute and the close of its window is on the agenda.
fn disputed_job<T: Config>(
	model: ModelHash,
	submitter: &T::AccountId,
	attestors: &[T::AccountId],
	now: BlockNumberFor<T>,
) -> JobId {
	let id = job::<T>(model, submitter, attestors, JobPhase::Revealing { deadline: now });
	let (out, other) = (output::<T>(1), output::<T>(2));
	commit_all::<T>(id, &out);
	let last = attestors.len().saturating_sub(1);
	Jobs::<T>::mutate(id, |j| {
		for a in j.as_mut().expect("exists").assignments.iter_mut() {
			a.reveal = RevealState::Valid;
		}
	});
	for index in 0..attestors.len() {
		let revealed = if index == last && last > 0 { other.clone() } else { out.clone() };
		Reveals::<T>::insert(id, index as u32, revealed);
	}
	Pallet::<T>::unschedule(now, id);
	Pallet::<T>::resolve(id, Jobs::<T>::get(id).expect("exists"), now);
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_model(b: Linear<1, { T::MaxModelBytes::get() }>) {
		let owner = funded::<T>("owner", 0);
		let onnx = vec![3u8; b as usize];

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), onnx.clone(), metadata::<T>());

		let hash = ModelHash::from(sp_io::hashing::blake2_256(&onnx));
		assert!(Models::<T>::contains_key(hash));
	}

	#[benchmark]
	fn register_model_by_uri() {
		let owner = funded::<T>("owner", 0);
		let model = ModelHash::repeat_byte(9);
		let mut uri = b"https://".to_vec();
		uri.resize(T::MaxUriLength::get() as usize, b'a');
		let uri: BoundedVec<u8, T::MaxUriLength> = uri.try_into().expect("max length");

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), model, T::MaxRemoteModelBytes::get(), uri, metadata::<T>());

		assert!(Models::<T>::contains_key(model));
	}

	#[benchmark]
	fn retire_model() {
		let owner = funded::<T>("owner", 0);
		let model = register::<T>(&owner, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), model);

		assert!(!Models::<T>::contains_key(model));
	}

	#[benchmark]
	fn submit_job(i: Linear<1, { T::MaxInputBytes::get() }>) {
		let owner = funded::<T>("owner", 0);
		let submitter = funded::<T>("submitter", 0);
		let model = register::<T>(&owner, 1);
		let r = T::MaxRedundancy::get();
		attestors::<T>(r);
		let fee = T::AttestationFee::get().saturating_mul(r.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(submitter), model, bytes_tensors(i, 1), Some(r), fee);

		assert!(Jobs::<T>::contains_key(0));
	}

	#[benchmark]
	fn commit(n: Linear<1, { T::MaxBatch::get() }>) {
		let owner = funded::<T>("owner", 0);
		let submitter = funded::<T>("submitter", 0);
		let model = register::<T>(&owner, 1);
		let all = attestors::<T>(T::MaxRedundancy::get());
		let caller = all.last().expect("at least one").clone();
		let deadline = frame_system::Pallet::<T>::block_number() + T::CommitWindow::get();
		let out = output::<T>(1);
		// Worst case: the caller is the last to commit, which opens reveals.
		let batch: Vec<(JobId, Commitment)> = (0..n)
			.map(|_| {
				let id = job::<T>(model, &submitter, &all, JobPhase::Committing { deadline });
				commit_all::<T>(id, &out);
				Jobs::<T>::mutate(id, |j| {
					if let Some(last) = j.as_mut().and_then(|j| j.assignments.last_mut()) {
						last.commitment = None;
					}
				});
				(id, commitment(&caller.encode(), id, &out, &salt()))
			})
			.collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), batch.try_into().expect("at most MaxBatch"));

		assert!(matches!(Jobs::<T>::get(0).expect("exists").phase, JobPhase::Revealing { .. }));
	}

	#[benchmark]
	fn reveal(n: Linear<1, { T::MaxBatch::get() }>, b: Linear<0, { T::MaxOutputBytes::get() }>) {
		let owner = funded::<T>("owner", 0);
		let submitter = funded::<T>("submitter", 0);
		let model = register::<T>(&owner, 1);
		let all = attestors::<T>(T::MaxRedundancy::get().max(2));
		let caller = all[0].clone();
		let deadline = frame_system::Pallet::<T>::block_number() + T::RevealWindow::get();
		let out = sized_output(b, 1);
		// Worst case: the caller is the last to reveal, which moves the job to resolution.
		// Every item's output has `b` bytes.
		let batch: Vec<Reveal> = (0..n)
			.map(|_| {
				let id = job::<T>(model, &submitter, &all, JobPhase::Revealing { deadline });
				commit_all::<T>(id, &out);
				Jobs::<T>::mutate(id, |j| {
					for a in j.as_mut().expect("exists").assignments.iter_mut().skip(1) {
						a.reveal = RevealState::Valid;
					}
				});
				Reveal { job_id: id, outcome: out.clone(), salt: salt() }
			})
			.collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), batch.try_into().expect("at most MaxBatch"));

		assert!(Reveals::<T>::contains_key(0, 0));
		assert!(matches!(Jobs::<T>::get(0).expect("exists").phase, JobPhase::Resolving { .. }));
	}

	#[benchmark]
	fn on_initialize_base() {
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
	}

	/// The block's first draw reads the attestors and their room: `v` of them.
	#[benchmark]
	fn draw_pool(v: Linear<1, { T::MaxAttestors::get() }>) {
		let all = attestors::<T>(v);
		load::<T>(&all, 1);
		let pool;

		#[block]
		{
			pool = Pallet::<T>::read_attestors();
		}

		assert_eq!(pool.len() as u32, v);
	}

	/// A draw from a pool already read, of `MaxAttestors` attestors of whom only `r` have
	/// room: it may try every one of them.
	#[benchmark]
	fn assign(r: Linear<1, { T::MaxRedundancy::get() }>) {
		let owner = funded::<T>("owner", 0);
		let submitter = funded::<T>("submitter", 0);
		let model = register::<T>(&owner, 1);
		let all = attestors::<T>(T::MaxAttestors::get());
		let (with_room, full) = all.split_at(r as usize);
		load::<T>(with_room, 1);
		load::<T>(full, 0);
		let fee = T::AttestationFee::get().saturating_mul(r.into());
		let id = Pallet::<T>::do_submit(submitter, model, bytes_tensors(1, 1), Some(r), fee)
			.expect("submitted");
		let at = frame_system::Pallet::<T>::block_number() + T::AssignmentDelay::get();
		frame_system::Pallet::<T>::set_block_number(at);

		// What the agenda does for one due draw. Finding and removing the entry are charged per
		// entry by `process_agenda`, its fixed cost by `on_initialize_base`, reading the pool by
		// `draw_pool`.
		Pallet::<T>::unschedule(at, id);
		let mut pool = Pallet::<T>::draw_pool();

		#[block]
		{
			Pallet::<T>::advance(id, at, at, &mut pool);
		}

		assert_eq!(Jobs::<T>::get(id).expect("exists").assignments.len() as u32, r);
	}

	#[benchmark]
	fn close_commits() {
		let owner = funded::<T>("owner", 0);
		let submitter = funded::<T>("submitter", 0);
		let model = register::<T>(&owner, 1);
		let all = attestors::<T>(T::MaxRedundancy::get());
		let now = frame_system::Pallet::<T>::block_number();
		let id = job::<T>(model, &submitter, &all, JobPhase::Committing { deadline: now });
		commit_all::<T>(id, &output::<T>(1));
		Pallet::<T>::unschedule(now, id);

		#[block]
		{
			Pallet::<T>::advance(id, now, now, &mut Default::default());
		}

		assert!(matches!(Jobs::<T>::get(id).expect("exists").phase, JobPhase::Revealing { .. }));
	}

	#[benchmark]
	fn resolve(
		r: Linear<1, { T::MaxRedundancy::get() }>,
		b: Linear<0, { T::MaxOutputBytes::get() }>,
	) {
		let owner = funded::<T>("owner", 0);
		let submitter = funded::<T>("submitter", 0);
		let model = register::<T>(&owner, 1);
		let all = attestors::<T>(r);
		load::<T>(&all, 1);
		let now = frame_system::Pallet::<T>::block_number();
		let id = job::<T>(model, &submitter, &all, JobPhase::Revealing { deadline: now });
		let out = sized_output(b, 1);
		commit_all::<T>(id, &out);
		// Every attestor revealed an output of `b` bytes; all agree, so all are paid, and each
		// has a full list of jobs to take this one off.
		Jobs::<T>::mutate(id, |j| {
			for a in j.as_mut().expect("exists").assignments.iter_mut() {
				a.reveal = RevealState::Valid;
			}
		});
		for index in 0..r {
			Reveals::<T>::insert(id, index, out.clone());
		}
		let job = Jobs::<T>::get(id).expect("exists");
		Pallet::<T>::unschedule(now, id);

		#[block]
		{
			Pallet::<T>::resolve(id, job, now);
		}

		assert!(matches!(Jobs::<T>::get(id).expect("exists").phase, JobPhase::Finalized { .. }));
	}

	#[benchmark]
	fn prune() {
		let owner = funded::<T>("owner", 0);
		let submitter = funded::<T>("submitter", 0);
		let model = register::<T>(&owner, 1);
		let all = attestors::<T>(1);
		let now = frame_system::Pallet::<T>::block_number();
		let id = job::<T>(model, &submitter, &all, JobPhase::Committing { deadline: now });
		let mut job = Jobs::<T>::get(id).expect("exists");
		Pallet::<T>::unschedule(now, id);
		Pallet::<T>::fail(id, &mut job, FailureReason::NoQuorum, now);
		Jobs::<T>::insert(id, job);
		let at = now + T::RetentionPeriod::get();
		frame_system::Pallet::<T>::set_block_number(at);

		#[block]
		{
			Pallet::<T>::prune_expired(at, Weight::MAX);
		}

		assert!(!Jobs::<T>::contains_key(id));
		assert_eq!(PruneQueueRange::<T>::get(), (1, 1));
	}

	/// A challenge of a result with dissenters, whose window's close it unschedules, among
	/// twice `MaxRedundancy` attestors, half of them the quorum the draw leaves out.
	#[benchmark]
	fn challenge() {
		let owner = funded::<T>("owner", 0);
		let submitter = funded::<T>("submitter", 0);
		let challenger = funded::<T>("challenger", 0);
		let model = register::<T>(&owner, 1);
		let r = T::MaxRedundancy::get();
		let all = attestors::<T>(2 * r);
		let now = frame_system::Pallet::<T>::block_number();
		let id = disputed_job::<T>(model, &submitter, &all[..r as usize], now);
		let claimed = sp_core::H256::repeat_byte(9);

		#[extrinsic_call]
		_(RawOrigin::Signed(challenger), id, claimed);

		assert!(matches!(Jobs::<T>::get(id).expect("exists").phase, JobPhase::Assigning { .. }));
	}

	/// The resolution of a challenge's re-execution round of `r` attestors that confirms the
	/// result: each is paid from the bond, the rest burnt, and the first round's `MaxRedundancy`
	/// dissenters handed to the outcome handler.
	#[benchmark]
	fn settle_challenge(r: Linear<1, { T::MaxRedundancy::get() }>) {
		let owner = funded::<T>("owner", 0);
		let submitter = funded::<T>("submitter", 0);
		let challenger = funded::<T>("challenger", 0);
		let model = register::<T>(&owner, 1);
		let most = T::MaxRedundancy::get();
		let all = attestors::<T>(most + r);
		let now = frame_system::Pallet::<T>::block_number();
		let id = disputed_job::<T>(model, &submitter, &all[..most as usize], now);
		Pallet::<T>::do_challenge(challenger, id, sp_core::H256::repeat_byte(9), now)
			.expect("challengeable");
		let at = now + T::AssignmentDelay::get();
		Pallet::<T>::unschedule(at, id);
		let out = output::<T>(1);
		let fresh = &all[most as usize..];
		Jobs::<T>::mutate(id, |job| {
			let job = job.as_mut().expect("exists");
			job.assignments = fresh
				.iter()
				.map(|a| {
					AttestorJobs::<T>::mutate(a, |jobs| jobs.try_push(id).expect("room"));
					Assignment {
						attestor: a.clone(),
						commitment: Some(commitment(&a.encode(), id, &out, &salt())),
						reveal: RevealState::Valid,
					}
				})
				.collect::<Vec<_>>()
				.try_into()
				.expect("at most MaxRedundancy");
			job.phase = JobPhase::Revealing { deadline: at };
		});
		for index in 0..r {
			Reveals::<T>::insert(id, index, out.clone());
		}
		let job = Jobs::<T>::get(id).expect("exists");

		#[block]
		{
			Pallet::<T>::resolve(id, job, at);
		}

		assert!(
			Pallet::<T>::settlement(id, &Jobs::<T>::get(id).expect("exists"), at)
				== Some(Settlement::Irreversible)
		);
	}

	/// The close of a result's window with `d` dissenters to hand to the outcome handler.
	#[benchmark]
	fn close_window(d: Linear<1, { DissentBound::<T>::get() }>) {
		let owner = funded::<T>("owner", 0);
		let submitter = funded::<T>("submitter", 0);
		let model = register::<T>(&owner, 1);
		let all = attestors::<T>(T::MaxRedundancy::get());
		let now = frame_system::Pallet::<T>::block_number();
		let id = disputed_job::<T>(model, &submitter, &all, now);
		let dissent: Vec<T::AccountId> = (0..d).map(|i| account("dissenter", i, SEED)).collect();
		Disputes::<T>::mutate(id, |dispute| {
			if let Some(dispute) = dispute {
				dispute.dissent = BoundedVec::truncate_from(dissent);
			}
		});
		let at = now + T::ChallengeWindow::get();
		Pallet::<T>::unschedule(at, id);

		#[block]
		{
			Pallet::<T>::advance(id, at, at, &mut Default::default());
		}

		assert!(!Disputes::<T>::contains_key(id));
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}

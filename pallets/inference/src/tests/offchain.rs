//! The off-chain worker, run in offchain test externalities with a fake inference service
//! (expected HTTP requests) and a fake transaction pool.

use crate::{
	mock::*,
	offchain::{NonceRecord, NONCE_KEY, RESUBMIT_AFTER},
	*,
};
use codec::{Decode, Encode};
use frame_support::traits::{Hooks, UnfilteredDispatchable};
use opg_inference_primitives::{
	commitment, error_code,
	service::{InferRequest, InferResponse, INFER_PATH},
	ComparisonPolicy, ExecutionMode, InferenceOutcome,
};
use sp_core::offchain::{
	testing::{OffchainState, PendingRequest, PoolState, TestOffchainExt, TestTransactionPoolExt},
	OffchainDbExt, OffchainWorkerExt, StorageKind, TransactionPoolExt,
};
use sp_runtime::{generic::Preamble, testing::UintAuthorityId};
use std::sync::Arc;

type Extrinsic = sp_runtime::testing::TestXt<RuntimeCall, ()>;

struct Worker {
	ext: sp_io::TestExternalities,
	http: Arc<parking_lot::RwLock<OffchainState>>,
	pool: Arc<parking_lot::RwLock<PoolState>>,
}

/// One attestor, 11, whose `infr` key is in the node's keystore.
fn worker() -> Worker {
	let mut ext = ExtBuilder::default().attestors(vec![11]).build();
	let (offchain, http) = TestOffchainExt::new();
	let (pool, pool_state) = TestTransactionPoolExt::new();
	ext.register_extension(OffchainDbExt::new(offchain.clone()));
	ext.register_extension(OffchainWorkerExt::new(offchain));
	ext.register_extension(TransactionPoolExt::new(pool));
	UintAuthorityId::set_all_keys(vec![11u64]);
	Worker { ext, http, pool: pool_state }
}

/// The service will answer the request for `job_id`, with the fastest kernels, with
/// `response`.
fn expect_inference(
	http: &Arc<parking_lot::RwLock<OffchainState>>,
	job_id: JobId,
	response: InferResponse,
) {
	expect_inference_in(http, job_id, ExecutionMode::Fastest, response)
}

/// The service will answer the request for `job_id` in `execution` with `response`.
fn expect_inference_in(
	http: &Arc<parking_lot::RwLock<OffchainState>>,
	job_id: JobId,
	execution: ExecutionMode,
	response: InferResponse,
) {
	let job = Jobs::<Test>::get(job_id).unwrap();
	let model = Models::<Test>::get(job.model).unwrap();
	let request = InferRequest {
		model: job.model.into(),
		size: model.size,
		signature: model.metadata.signature,
		bounds: opg_inference_primitives::ResourceBounds::OPG,
		execution,
		uri: None,
		inputs: Inputs::<Test>::get(job_id).unwrap(),
	};
	http.write().expect_request(PendingRequest {
		method: "POST".into(),
		uri: format!("http://127.0.0.1:9955{INFER_PATH}"),
		headers: vec![("Content-Type".into(), "application/octet-stream".into())],
		body: request.encode(),
		response: Some(response.encode()),
		sent: true,
		..Default::default()
	});
}

/// Runs the worker for the current block; returns the calls it submitted, by signer.
fn run_worker(pool: &Arc<parking_lot::RwLock<PoolState>>) -> Vec<(AccountId, RuntimeCall)> {
	Inference::offchain_worker(System::block_number());
	std::mem::take(&mut pool.write().transactions)
		.into_iter()
		.map(|bytes| {
			let xt = Extrinsic::decode(&mut &bytes[..]).unwrap();
			let Preamble::Signed(who, _, _) = xt.preamble else { panic!("signed") };
			(who, xt.function)
		})
		.collect()
}

fn apply(calls: Vec<(AccountId, RuntimeCall)>) {
	for (who, call) in calls {
		call.dispatch_bypass_filter(RuntimeOrigin::signed(who)).expect("the worker's call lands");
	}
}

fn commits(calls: &[(AccountId, RuntimeCall)]) -> Vec<(JobId, Commitment)> {
	calls
		.iter()
		.filter_map(|(_, c)| match c {
			RuntimeCall::Inference(Call::commit { commitments }) => Some(commitments.to_vec()),
			_ => None,
		})
		.flatten()
		.collect()
}

fn reveals(calls: &[(AccountId, RuntimeCall)]) -> Vec<Reveal> {
	calls
		.iter()
		.filter_map(|(_, c)| match c {
			RuntimeCall::Inference(Call::reveal { reveals }) => Some(reveals.to_vec()),
			_ => None,
		})
		.flatten()
		.collect()
}

#[test]
fn a_deterministic_model_is_computed_in_the_deterministic_mode() {
	let Worker { mut ext, http, pool } = worker();
	ext.execute_with(|| {
		let model = register(ComparisonPolicy::Deterministic, 1);
		let (job, _) = assigned_job(model, 1);
		let out = output([0.25, 0.75]);
		// The request asks for the deterministic mode, or the mock service would not answer.
		expect_inference_in(&http, job, ExecutionMode::Deterministic, InferResponse::Outcome(out));
		let sent = run_worker(&pool);
		assert_eq!(commits(&sent).len(), 1, "committed to the deterministic outcome");
	});
}

#[test]
fn the_worker_commits_then_reveals_what_the_service_computed() {
	let Worker { mut ext, http, pool } = worker();
	ext.execute_with(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let (job, _) = assigned_job(model, 1);
		let out = output([0.25, 0.75]);
		expect_inference(&http, job, InferResponse::Outcome(out.clone()));
		let sent = run_worker(&pool);
		assert_eq!(sent.len(), 1, "one commit transaction");
		let committed = commits(&sent);
		assert_eq!(committed.len(), 1);
		apply(sent);
		let sent = run_worker(&pool);
		let revealed = reveals(&sent);
		assert_eq!(revealed.len(), 1);
		assert_eq!(revealed[0].outcome, out);
		assert_eq!(
			commitment(&11u64.encode(), job, &out, &revealed[0].salt),
			committed[0].1,
			"the reveal opens the commitment"
		);
		apply(sent);
		next_block();
		assert!(matches!(Jobs::<Test>::get(job).unwrap().phase, JobPhase::Finalized { .. }));
		assert_eq!(Results::<Test>::get(job), Some(out));
		Inference::do_try_state().unwrap();
	});
}

#[test]
fn commits_and_reveals_go_out_in_the_same_block() {
	let Worker { mut ext, http, pool } = worker();
	ext.execute_with(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let (first, _) = assigned_job(model, 1);
		let out = output([0.5, 0.5]);
		expect_inference(&http, first, InferResponse::Outcome(out.clone()));
		apply(run_worker(&pool));
		let (second, _) = assigned_job(model, 1);
		expect_inference(&http, second, InferResponse::Outcome(out));
		let sent = run_worker(&pool);
		assert_eq!(sent.len(), 2, "a reveal and a commit transaction in one block");
		assert_eq!(reveals(&sent).iter().map(|r| r.job_id).collect::<Vec<_>>(), vec![first]);
		assert_eq!(commits(&sent).iter().map(|c| c.0).collect::<Vec<_>>(), vec![second]);
		apply(sent);
		Inference::do_try_state().unwrap();
	});
}

#[test]
fn only_the_items_sent_are_marked_as_sent() {
	let Worker { mut ext, http, pool } = worker();
	ext.execute_with(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		// One more job than a batch holds.
		let jobs: Vec<JobId> = (0..MAX_BATCH + 1).map(|_| submit(model, 1)).collect();
		roll_to(System::block_number() + ASSIGNMENT_DELAY);
		let mut order: Vec<JobId> = AttestorJobs::<Test>::get(11).into_inner();
		assert_eq!(order.len(), jobs.len());
		let out = output([0.5, 0.5]);
		for job in &order {
			expect_inference(&http, *job, InferResponse::Outcome(out.clone()));
		}
		let first = commits(&run_worker(&pool));
		assert_eq!(first.len(), MAX_BATCH as usize, "one full batch");
		next_block();
		// The item left out goes in the very next block, not after the resubmission delay.
		let second = commits(&run_worker(&pool));
		let last = order.pop().unwrap();
		assert_eq!(second.iter().map(|c| c.0).collect::<Vec<_>>(), vec![last]);
	});
}

/// A run asks the service for as many outcomes as one commit batch carries: more would be
/// computed only to wait, and fewer would cap the jobs a validator ends per block.
#[test]
fn a_run_computes_as_many_jobs_as_a_commit_batch_carries() {
	let Worker { mut ext, http, pool } = worker();
	ext.execute_with(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		for _ in 0..MAX_BATCH + 1 {
			submit(model, 1);
		}
		roll_to(System::block_number() + ASSIGNMENT_DELAY);
		let order: Vec<JobId> = AttestorJobs::<Test>::get(11).into_inner();
		let out = output([0.5, 0.5]);
		for job in &order {
			expect_inference(&http, *job, InferResponse::Outcome(out.clone()));
		}
		let first = commits(&run_worker(&pool));
		assert_eq!(first.len(), MAX_BATCH as usize, "one full batch");
		let last = order[MAX_BATCH as usize];
		let key = (b"opg/inference/attestation", last, 0u32, 11u64).encode();
		let computed = sp_io::offchain::local_storage_get(StorageKind::PERSISTENT, &key);
		assert!(computed.is_none(), "the job beyond the batch is left for the next run");
		next_block();
		let second = commits(&run_worker(&pool));
		assert_eq!(second.iter().map(|c| c.0).collect::<Vec<_>>(), vec![last]);
	});
}

#[test]
fn a_rerun_reproduces_the_commitment_it_sent() {
	let Worker { mut ext, http, pool } = worker();
	ext.execute_with(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let (job, _) = assigned_job(model, 1);
		let out = output([0.5, 0.5]);
		expect_inference(&http, job, InferResponse::Outcome(out.clone()));
		let first = commits(&run_worker(&pool));
		// The node loses its record (a crash before it was flushed) and computes again.
		let key = (b"opg/inference/attestation", job, 0u32, 11u64).encode();
		sp_io::offchain::local_storage_clear(StorageKind::PERSISTENT, &key);
		expect_inference(&http, job, InferResponse::Outcome(out));
		let again = commits(&run_worker(&pool));
		assert_eq!(again, first, "the same salt, so the same commitment");
	});
}

#[test]
fn an_output_the_chain_would_refuse_is_committed_as_a_deterministic_error() {
	let Worker { mut ext, http, pool } = worker();
	ext.execute_with(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let (job, _) = assigned_job(model, 1);
		let oversized = InferenceOutcome::Success(
			vec![opg_inference_primitives::Tensor::from_values::<f32>(vec![1, 65], &[0.0; 65])
				.unwrap()]
			.try_into()
			.unwrap(),
		);
		expect_inference(&http, job, InferResponse::Outcome(oversized));
		apply(run_worker(&pool));
		let revealed = reveals(&run_worker(&pool));
		assert_eq!(revealed[0].outcome, InferenceOutcome::Failure(error_code::OUTPUT_SIGNATURE));
	});
}

#[test]
fn a_service_outage_sends_nothing_and_is_retried_next_block() {
	let Worker { mut ext, http, pool } = worker();
	ext.execute_with(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let (job, _) = assigned_job(model, 1);
		let busy = InferResponse::Unavailable {
			code: error_code::RESOURCE_LIMIT,
			reason: b"busy".to_vec(),
		};
		expect_inference(&http, job, busy);
		assert!(run_worker(&pool).is_empty(), "nothing to commit to");
		next_block();
		expect_inference(&http, job, InferResponse::Outcome(output([0.5, 0.5])));
		assert_eq!(commits(&run_worker(&pool)).len(), 1);
	});
}

/// The worker's nonce record of key 11.
fn nonce_record() -> NonceRecord<<Test as frame_system::Config>::Nonce, u64> {
	let key = (NONCE_KEY, 11u64).encode();
	let bytes = sp_io::offchain::local_storage_get(StorageKind::PERSISTENT, &key).unwrap();
	Decode::decode(&mut &bytes[..]).unwrap()
}

#[test]
fn a_dropped_transaction_gives_its_nonce_back_after_the_resubmission_delay() {
	let Worker { mut ext, http, pool } = worker();
	ext.execute_with(|| {
		let model = register(ComparisonPolicy::Exact, 1);
		let (job, _) = assigned_job(model, 1);
		expect_inference(&http, job, InferResponse::Outcome(output([0.5, 0.5])));
		// Sent at nonce 0, and then lost: it never lands, the chain's nonce stays 0.
		assert_eq!(commits(&run_worker(&pool)).len(), 1);
		assert_eq!(nonce_record().next, 1);
		next_block();
		assert!(run_worker(&pool).is_empty(), "not resent while it may still be in the pool");
		roll_to(System::block_number() + u64::from(RESUBMIT_AFTER) - 1);
		// Due again, and the chain has not moved: resent at nonce 0, not after a gap.
		assert_eq!(commits(&run_worker(&pool)).len(), 1);
		assert_eq!(nonce_record().next, 1, "nonce 0 was used again");
	});
}

//! `opg-inference-worker`: one inference worker on its standard streams (see
//! `opg_inference_service::run_inference_worker`).

fn main() -> std::io::Result<()> {
	opg_inference_service::run_inference_worker()
}

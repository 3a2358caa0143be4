//! The restrictions an inference worker applies to itself before it reads a model.
//!
//! They are set by the worker on itself, in this order, with nothing but its standard streams
//! and its reply pipe open:
//!
//! 1. `RLIMIT_AS`, the address space limit: an allocation above it fails, and tract turns a
//!    failed allocation into an abort of the worker (never of the node);
//! 2. `RLIMIT_CORE` and `RLIMIT_FSIZE` at 0: no core dump of a huge address space, no file
//!    written;
//! 3. `PR_SET_NO_NEW_PRIVS`: nothing it could execute gains privileges;
//! 4. a new network namespace (`unshare(CLONE_NEWNET)`, inside a new user namespace when the
//!    worker is not privileged), where the only interface is a loopback that is down;
//! 5. `RLIMIT_NOFILE` just above its highest open descriptor: opening a file or a socket,
//!    creating a pipe or any other descriptor fails.
//!
//! No seccomp filter: with no descriptor to be had, the system calls that reach the file
//! system or the network fail already, and a filter would have to follow every system call
//! tract and the C library may make on every architecture. The worker then checks that a file
//! cannot be opened nor a socket created, and reports what holds as its [`Confinement`].

use super::protocol::{Confinement, WorkerSettings};
use std::{fs::File, io, net::UdpSocket, os::fd::RawFd};

/// Applies the restrictions; `highest_fd` is the highest descriptor the worker keeps open.
///
/// # Errors
///
/// When the address space limit cannot be set: a worker without it could take the node's
/// memory, so it must not run.
pub(crate) fn confine(settings: &WorkerSettings, highest_fd: RawFd) -> io::Result<Confinement> {
	set_limit(libc::RLIMIT_AS, settings.memory_limit_bytes)?;
	let no_dumps_nor_writes =
		set_limit(libc::RLIMIT_CORE, 0).is_ok() && set_limit(libc::RLIMIT_FSIZE, 0).is_ok();
	// SAFETY: `prctl(PR_SET_NO_NEW_PRIVS)` takes integer arguments and touches no memory.
	unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) };
	let network_namespace = unshare(libc::CLONE_NEWNET).is_ok()
		|| unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWNET).is_ok();
	let descriptors = u64::try_from(highest_fd).unwrap_or(0).saturating_add(1);
	// A failure shows in the checks below.
	let _ = set_limit(libc::RLIMIT_NOFILE, descriptors);
	Ok(Confinement {
		memory_limit_bytes: settings.memory_limit_bytes,
		no_new_files: File::open("/").is_err(),
		no_new_sockets: UdpSocket::bind(("127.0.0.1", 0)).is_err(),
		network_namespace,
		no_dumps_nor_writes,
	})
}

/// Moves the worker's standard output to a new descriptor, for its replies only, and points
/// descriptor 1 at standard error, so that nothing printed can corrupt a reply.
pub(crate) fn take_stdout() -> io::Result<File> {
	use std::os::fd::{AsFd, AsRawFd};
	let replies = io::stdout().as_fd().try_clone_to_owned()?;
	// SAFETY: `dup2` on two descriptors of this process; descriptor 1 stays open (now a copy
	// of standard error), and the standard library's handle to it remains valid.
	if unsafe { libc::dup2(io::stderr().as_raw_fd(), 1) } < 0 {
		return Err(io::Error::last_os_error());
	}
	Ok(File::from(replies))
}

/// Sets the soft and hard limits of `resource` to `value`.
fn set_limit(resource: Resource, value: u64) -> io::Result<()> {
	let limit = libc::rlimit { rlim_cur: value, rlim_max: value };
	// SAFETY: `setrlimit` reads the `rlimit` passed by reference and nothing else.
	if unsafe { libc::setrlimit(resource, &limit) } == 0 {
		Ok(())
	} else {
		Err(io::Error::last_os_error())
	}
}

/// Moves the worker into new namespaces; it must have a single thread.
fn unshare(flags: libc::c_int) -> io::Result<()> {
	// SAFETY: `unshare` takes flags only; the worker has no other thread yet.
	if unsafe { libc::unshare(flags) } == 0 {
		Ok(())
	} else {
		Err(io::Error::last_os_error())
	}
}

/// The type `setrlimit` takes its resource as.
#[cfg(target_env = "gnu")]
type Resource = libc::__rlimit_resource_t;
#[cfg(not(target_env = "gnu"))]
type Resource = libc::c_int;

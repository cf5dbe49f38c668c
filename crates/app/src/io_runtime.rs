//! A runtime for outbound network work (the object store of backups, the national platform),
//! whatever thread asks — a job's blocking thread, the command line, a test: its HTTP
//! connections live as long as the process.

use std::future::Future;
use std::sync::OnceLock;

pub(crate) fn on_runtime<T: Send + 'static>(work: impl Future<Output = T> + Send + 'static) -> T {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    let runtime = RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("hoso-io")
            .enable_all()
            .build()
            .expect("a runtime for outbound network work")
    });
    let (done, result) = std::sync::mpsc::channel();
    runtime.spawn(async move {
        let _ = done.send(work.await);
    });
    result.recv().expect("the network runtime ran the work")
}

//! An ordered worker pool: items are worked on in parallel and the results come
//! back in input order, with a bounded number in flight, so memory stays flat
//! however many articles pass through.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};

/// Worker threads to use: every core, at most 8.
pub fn default_workers() -> usize {
    std::thread::available_parallelism().map_or(1, |p| p.get()).clamp(1, 8)
}

/// Run `work` on every item on `workers` threads and hand each result to `sink`
/// in input order. At most `4 × workers` items are in flight. `sink` returns
/// `false` to stop early (the rest of the items are not read).
pub fn ordered<T, R, I, W, S>(items: I, workers: usize, work: W, mut sink: S)
where
    T: Send,
    R: Send,
    I: Iterator<Item = T> + Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(R) -> bool,
{
    let workers = workers.max(1);
    if workers == 1 {
        for it in items {
            if !sink(work(it)) {
                return;
            }
        }
        return;
    }
    let window = workers * 4;
    // how many results the sink has taken; the reader waits for it to catch up
    let emitted = Arc::new((Mutex::new(0usize), Condvar::new()));
    let stop = AtomicBool::new(false);
    std::thread::scope(|s| {
        let (in_tx, in_rx) = mpsc::sync_channel::<(usize, T)>(window);
        let in_rx = Arc::new(Mutex::new(in_rx));
        let (out_tx, out_rx) = mpsc::channel::<(usize, R)>();
        let (emitted_r, stop_r) = (emitted.clone(), &stop);
        s.spawn(move || {
            for (i, it) in items.enumerate() {
                let (lock, cv) = &*emitted_r;
                let mut done = lock.lock().unwrap_or_else(|e| e.into_inner());
                while i >= *done + window && !stop_r.load(Ordering::Relaxed) {
                    done = cv.wait(done).unwrap_or_else(|e| e.into_inner());
                }
                drop(done);
                if stop_r.load(Ordering::Relaxed) || in_tx.send((i, it)).is_err() {
                    break;
                }
            }
        });
        let work = &work;
        for _ in 0..workers {
            let (in_rx, out_tx) = (in_rx.clone(), out_tx.clone());
            s.spawn(move || loop {
                let next = in_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((i, it))) = next else { break };
                if out_tx.send((i, work(it))).is_err() {
                    break;
                }
            });
        }
        drop(out_tx);
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (i, r) in out_rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&next) {
                next += 1;
                if !stop.load(Ordering::Relaxed) && !sink(r) {
                    stop.store(true, Ordering::Relaxed);
                }
                let (lock, cv) = &*emitted;
                *lock.lock().unwrap_or_else(|e| e.into_inner()) = next;
                cv.notify_all();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::ordered;

    #[test]
    fn results_come_in_input_order() {
        let mut got = Vec::new();
        ordered(
            0..500u64,
            4,
            |i| (i, (i * 7919) % 13),
            |r| {
                got.push(r.0);
                true
            },
        );
        assert_eq!(got, (0..500).collect::<Vec<_>>());
    }

    #[test]
    fn stops_early() {
        let mut n = 0;
        ordered(
            0..10_000u64,
            3,
            |i| i,
            |_| {
                n += 1;
                n < 10
            },
        );
        assert_eq!(n, 10);
    }

    #[test]
    fn one_worker_runs_inline() {
        let mut got = Vec::new();
        ordered(["a", "b"].into_iter(), 1, str::to_uppercase, |r| {
            got.push(r);
            true
        });
        assert_eq!(got, ["A", "B"]);
    }
}

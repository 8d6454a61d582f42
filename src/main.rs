//! The `isnad` command: a thin layer over the library (see `cli`).

mod cli;

// the store's many small allocations run markedly faster with mimalloc
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc.h's `mi_option_purge_delay`, which libmimalloc-sys does not name.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() {
    // Freed memory is kept, not handed back to the OS 10 ms later: over
    // thousands of articles mimalloc purged 68 MiB in 333 purges, and touching
    // those pages again cost a third of a run's system time. A run's peak
    // memory does not change.
    // SAFETY: sets an integer option; mimalloc reads it on its next purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    std::process::exit(cli::main());
}

//! The `isnad` command: a thin layer over the library (see `cli`).

mod cli;

// the store's many small allocations run markedly faster with mimalloc
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::main());
}

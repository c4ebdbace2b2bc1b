//! The parser's stack: sized from the source so that no nesting overflows
//! it, and a thread to run the parser on.
//!
//! oxc's parser and semantic builder are recursive descent: each nesting
//! level (a parenthesis, a unary operator, an `if` body, ...) costs stack,
//! up to ~3 KiB per level in a debug build (measured on oxc 0.146: `(`
//! 2.9 KiB, `[` 2.5 KiB, `` `${ `` 2.6 KiB, `!` 1.2 KiB). A script with
//! 10,000 nested parentheses would overflow the 8 MiB main thread and abort
//! the process, which Strata must never do. So `parse` runs them on a
//! thread of its own whose stack is reserved from a bound on the nesting
//! depth (memory is only committed as the stack is touched).
//!
//! The bound: every nesting level consumes at least one token that can
//! open one, and every such token holds at least one of the characters
//! counted by [`count_openers`] (brackets, operator characters, template
//! `$`, or an identifier-like word). So their count bounds the depth, with
//! no lexing to get wrong. Past [`MAX_STACK`] (sources of several hundred
//! kilobytes) a lexing estimate takes over ([`estimate_depth`]); a source
//! nested deeper than even that allows is rejected with an error.
//! Fed by `parse`; feeds the parser thread. Must match the per-level cost
//! measured above: re-measure when the oxc version changes.

/// Stack bytes reserved per possible nesting level (measured worst: 2.9 KiB).
const BYTES_PER_LEVEL: u64 = 4096;
/// Stack for everything that does not scale with nesting.
const BASE_STACK: u64 = 16 << 20;
/// The largest stack reserved for one parse.
const MAX_STACK: u64 = 1 << 30;

/// How big a stack one parse gets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StackPlan {
    stack_bytes: u64,
    /// Upper bound (or, past `MAX_STACK`, estimate) of the nesting depth.
    pub(crate) nesting_bound: u64,
}

/// Sizes the parser stack for `text`, or explains why it cannot be parsed.
pub(crate) fn plan(text: &str) -> Result<StackPlan, String> {
    let bound = count_openers(text);
    if let Some(bytes) = stack_for(bound) {
        return Ok(StackPlan {
            stack_bytes: bytes,
            nesting_bound: bound,
        });
    }
    let estimate = estimate_depth(text);
    match stack_for(estimate) {
        Some(bytes) => Ok(StackPlan {
            stack_bytes: bytes,
            nesting_bound: estimate,
        }),
        None => Err(format!(
            "source nests too deeply to parse (about {estimate} levels; the limit is {})",
            (MAX_STACK - BASE_STACK) / BYTES_PER_LEVEL
        )),
    }
}

fn stack_for(levels: u64) -> Option<u64> {
    let bytes = levels
        .checked_mul(BYTES_PER_LEVEL)?
        .checked_add(BASE_STACK)?;
    (bytes <= MAX_STACK).then_some(bytes)
}

/// Counts characters that can open a nesting level, and identifier-like
/// words (keywords such as `if`, `new`, `typeof` open levels too).
fn count_openers(text: &str) -> u64 {
    let mut count = 0u64;
    let mut in_word = false;
    for &byte in text.as_bytes() {
        let word_byte =
            byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'\\') || byte >= 0x80;
        if word_byte {
            if !in_word {
                count += 1;
            }
            in_word = true;
            continue;
        }
        in_word = false;
        if matches!(
            byte,
            b'(' | b'['
                | b'{'
                | b'!'
                | b'~'
                | b'-'
                | b'+'
                | b'?'
                | b':'
                | b'='
                | b'>'
                | b'<'
                | b'*'
                | b'&'
                | b'|'
                | b'^'
                | b'%'
                | b'/'
                | b'.'
                | b'$'
                | b'`'
                | b'@'
                | b'#'
        ) {
            count += 1;
        }
    }
    count
}

/// A lexing estimate of the nesting depth, for sources too large for the
/// exact bound: open brackets plus the operators and statement keywords
/// pending in each bracket level (reset at `;` and `,`), doubled for
/// safety. Strings and comments are skipped.
fn estimate_depth(text: &str) -> u64 {
    const OPENING_WORDS: [&[u8]; 14] = [
        b"if",
        b"else",
        b"for",
        b"while",
        b"do",
        b"with",
        b"new",
        b"typeof",
        b"void",
        b"delete",
        b"await",
        b"yield",
        b"function",
        b"class",
    ];
    let bytes = text.as_bytes();
    let mut pending: Vec<u64> = vec![0];
    let mut pending_total = 0u64;
    let mut deepest = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        match byte {
            b'"' | b'\'' => i = skip_string(bytes, i),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            b'(' | b'[' | b'{' => {
                pending.push(0);
                i += 1;
            }
            b')' | b']' | b'}' => {
                if pending.len() > 1 {
                    pending_total -= pending.pop().unwrap_or(0);
                }
                i += 1;
            }
            b';' | b',' => {
                if let Some(last) = pending.last_mut() {
                    pending_total -= *last;
                    *last = 0;
                }
                i += 1;
            }
            _ if byte.is_ascii_alphabetic() || byte == b'_' || byte == b'$' => {
                let start = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'_' | b'$'))
                {
                    i += 1;
                }
                if OPENING_WORDS.contains(&&bytes[start..i]) {
                    bump(&mut pending, &mut pending_total);
                }
            }
            b'!' | b'~' | b'-' | b'+' | b'?' | b':' | b'=' | b'*' | b'`' => {
                bump(&mut pending, &mut pending_total);
                i += 1;
            }
            _ => i += 1,
        }
        let depth = (pending.len() as u64 - 1).saturating_add(pending_total);
        deepest = deepest.max(depth);
    }
    deepest.saturating_mul(2)
}

fn bump(pending: &mut [u64], total: &mut u64) {
    if let Some(last) = pending.last_mut() {
        *last += 1;
        *total += 1;
    }
}

/// Index just past the string literal starting at `start` (or the end of
/// its line, for an unterminated one).
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' => return i,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// Lets a value cross to the parser thread and back.
///
/// The job borrows the caller's arena (`oxc_allocator::Allocator`, which is
/// not `Sync`) and returns arena-backed AST data (not `Send`).
struct AssertSend<T>(T);

// SAFETY: an `AssertSend` only crosses threads in `run_on_parser_stack`,
// whose calling thread is blocked in `join` for the whole life of the
// parser thread: the arena and everything allocated in it are used by
// exactly one thread at a time, and oxc keeps no thread-local state tied to
// an arena. Nothing is shared concurrently, so the `Send` contract holds.
unsafe impl<T> Send for AssertSend<T> {}

impl<T> AssertSend<T> {
    fn into_inner(self) -> T {
        self.0
    }
}

/// Bytes of stack the calling thread has left below this frame, 0 if the
/// system cannot tell.
pub fn stack_room() -> usize {
    thread_local! {
        /// The lowest address of this thread's stack (0 until asked).
        static STACK_LOW: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }
    let low = STACK_LOW.with(|low| {
        if low.get() == 0 {
            low.set(thread_stack_low().unwrap_or(usize::MAX));
        }
        low.get()
    });
    let marker = 0u8;
    (&marker as *const u8 as usize).saturating_sub(low)
}

/// The lowest address of the calling thread's stack.
fn thread_stack_low() -> Option<usize> {
    // SAFETY: `attr` is initialized by pthread_getattr_np before use and
    // destroyed after; the out-pointers are valid locals.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        libc::pthread_attr_destroy(&mut attr);
        // The guard page(s) at the low end are part of the reported range
        // for the main thread on some systems: keep a page clear of them.
        (ok && !addr.is_null()).then(|| addr as usize + 4096)
    }
}

/// Stack kept free below a job that runs on the caller's stack, for the
/// caller's own frames after it returns and for signal handlers.
const INLINE_MARGIN: u64 = 1 << 20;

/// Runs `job` with the planned stack and waits for it: on the calling
/// thread when its stack has that much room left (most sources: an
/// `eval` or `new Function` costs no thread), else on a fresh thread with
/// the planned stack.
///
/// A panic inside oxc is caught here and reported as an error message
/// instead of unwinding into the caller.
pub(crate) fn run_on_parser_stack<R>(
    plan: StackPlan,
    job: impl FnOnce() -> R,
) -> Result<R, String> {
    if stack_room() as u64 >= plan.stack_bytes.saturating_add(INLINE_MARGIN) {
        return std::panic::catch_unwind(std::panic::AssertUnwindSafe(job)).map_err(panic_message);
    }
    let stack_bytes = usize::try_from(plan.stack_bytes).unwrap_or(usize::MAX);
    std::thread::scope(|scope| {
        let job = AssertSend(job);
        let handle = std::thread::Builder::new()
            .name("strata-parser".to_string())
            .stack_size(stack_bytes)
            .spawn_scoped(scope, move || AssertSend(job.into_inner()()))
            .map_err(|error| format!("cannot start the parser thread: {error}"))?;
        handle.join().map(AssertSend::into_inner).map_err(panic_message)
    })
}

/// The message of a caught parser panic.
fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    format!("internal parser error: {detail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_sources_get_the_exact_bound() {
        let plan = plan("((x))").unwrap();
        assert_eq!(plan.nesting_bound, 3);
    }

    #[test]
    fn the_estimate_sees_brackets_and_chains() {
        assert!(estimate_depth("((((x))))") >= 4);
        assert!(estimate_depth("if(a)if(a)if(a)x;") >= 3);
        assert_eq!(estimate_depth("'(((('"), 0);
    }
}

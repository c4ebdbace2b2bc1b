//! Executable memory: chunks of pages filled by bump allocation.
//!
//! A chunk is mapped read+write, and every page is read+execute except
//! while [`CodeSpace::install`] copies code into it: those pages go to
//! read+write (not executable) for the copy and back to read+execute
//! after, so no page is ever writable and executable at once. Installing
//! happens on the thread that runs JavaScript, between instructions, so no
//! code on the pages being written runs meanwhile. On AArch64 the
//! instruction cache is synchronized for the new code before it runs.

use memmap2::MmapMut;

/// Bytes of one chunk (code larger than this gets a chunk of its own).
const CHUNK_BYTES: usize = 1 << 20;
/// Alignment of every installed function (a cache line).
const CODE_ALIGN: usize = 64;

fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if n > 0 { n as usize } else { 4096 }
}

struct Chunk {
    map: MmapMut,
    used: usize,
}

/// Where installed code lives: its address and length. The code stays
/// mapped as long as the [`CodeSpace`] lives.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct CodeRange {
    /// Address of the first instruction.
    pub start: usize,
    /// Length in bytes.
    pub len: usize,
}

impl CodeRange {
    /// Whether `addr` is inside the code.
    pub fn contains(&self, addr: usize) -> bool {
        addr >= self.start && addr < self.start + self.len
    }
}

/// Executable memory for one engine.
#[derive(Default)]
pub struct CodeSpace {
    chunks: Vec<Chunk>,
    installed_bytes: usize,
}

impl CodeSpace {
    /// An empty space (maps nothing until the first install).
    pub fn new() -> CodeSpace {
        CodeSpace::default()
    }

    /// Bytes of code installed so far.
    pub fn installed_bytes(&self) -> usize {
        self.installed_bytes
    }

    /// Bytes mapped for code.
    pub fn mapped_bytes(&self) -> usize {
        self.chunks.iter().map(|c| c.map.len()).sum()
    }

    /// Copies `code` into executable memory and returns where it is.
    pub fn install(&mut self, code: &[u8]) -> Result<CodeRange, String> {
        if code.is_empty() {
            return Err("cannot install empty code".into());
        }
        let len = code.len();
        let fits = self.chunks.last().is_some_and(|c| c.used.next_multiple_of(CODE_ALIGN) + len <= c.map.len());
        if !fits {
            let size = len.next_multiple_of(page_size()).max(CHUNK_BYTES);
            let map = MmapMut::map_anon(size).map_err(|e| format!("cannot map {size} bytes of code memory: {e}"))?;
            // SAFETY: `map` is a fresh mapping of `size` bytes we own.
            protect(map.as_ptr(), size, libc::PROT_READ | libc::PROT_EXEC)?;
            self.chunks.push(Chunk { map, used: 0 });
        }
        let chunk = self.chunks.last_mut().ok_or("no code chunk")?;
        let offset = chunk.used.next_multiple_of(CODE_ALIGN);
        let base = chunk.map.as_ptr() as usize;
        let page = page_size();
        let first_page = (base + offset) & !(page - 1);
        let end_page = (base + offset + len).next_multiple_of(page);
        // Writable (and not executable) only while copying.
        protect(first_page as *const u8, end_page - first_page, libc::PROT_READ | libc::PROT_WRITE)?;
        // SAFETY: the destination lies inside the chunk (checked by `fits`
        // or the new chunk's size) and is writable now; source and
        // destination do not overlap (the source is not code memory).
        unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), (base + offset) as *mut u8, len) };
        protect(first_page as *const u8, end_page - first_page, libc::PROT_READ | libc::PROT_EXEC)?;
        let start = base + offset;
        // SAFETY: [start, start + len) is mapped and holds the new code.
        unsafe { flush_icache(start as *const u8, len) };
        chunk.used = offset + len;
        self.installed_bytes += len;
        Ok(CodeRange { start, len })
    }
}

fn protect(addr: *const u8, len: usize, prot: libc::c_int) -> Result<(), String> {
    // SAFETY: callers pass page-aligned ranges inside mappings they own;
    // changing protection has no other effect on memory safety here (no
    // reference into the range is held across it).
    let r = unsafe { libc::mprotect(addr as *mut libc::c_void, len, prot) };
    if r == 0 { Ok(()) } else { Err(format!("mprotect failed: {}", std::io::Error::last_os_error())) }
}

/// Makes new code at `[start, start + len)` visible to instruction fetch.
///
/// # Safety
/// The range must be mapped.
unsafe fn flush_icache(start: *const u8, len: usize) {
    #[cfg(target_arch = "aarch64")]
    // SAFETY: forwarded from the caller.
    unsafe {
        crate::aarch64::cache::synchronize_icache(start, len)
    };
    // x86-64 keeps instruction fetch coherent with stores.
    let _ = (start, len);
}

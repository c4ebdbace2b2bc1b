//! The timer heap: which timer fires next. A min-heap of (due time,
//! sequence number, timer id); the sequence number grows with every
//! scheduling, so timers due at the same instant fire in the order they
//! were scheduled (Node's and HTML's rule).
//!
//! This is plain data — ids and times, no JavaScript values: what a timer
//! calls lives in the event loop's timer records (`event_loop/mod.rs`),
//! rooted there. Cancelling is lazy: the heap keeps the entry and
//! [`TimerHeap::live`] forgets the id, so a later pop skips it; rescheduling
//! (an interval's next run) gets a new sequence number, which makes the old
//! entry stale the same way. Every operation is O(log n) amortized.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// A timer's id: the number `setTimeout` returns. Timers and immediates
/// draw from one counter, so an id names one of them only.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct TimerId(pub u64);

/// Microseconds since the event loop's epoch.
pub type Micros = u64;

#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Entry {
    due: Micros,
    seq: u64,
    id: TimerId,
}

/// The scheduled timers, ordered by (due time, sequence).
#[derive(Default, Debug)]
pub struct TimerHeap {
    heap: BinaryHeap<Reverse<Entry>>,
    /// The current sequence number of every scheduled timer; an entry
    /// whose sequence differs is stale.
    live: HashMap<TimerId, u64>,
    next_seq: u64,
}

impl TimerHeap {
    /// Schedules `id` at `due`, replacing any earlier schedule of it.
    pub fn schedule(&mut self, id: TimerId, due: Micros) {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.live.insert(id, seq);
        self.heap.push(Reverse(Entry { due, seq, id }));
        // Lazy deletion must not let stale entries pile up without bound
        // (a script that sets and clears timers in a loop).
        if self.heap.len() > 64 && self.heap.len() > 2 * self.live.len() {
            self.compact();
        }
    }

    /// Unschedules `id`; whether it was scheduled.
    pub fn cancel(&mut self, id: TimerId) -> bool {
        self.live.remove(&id).is_some()
    }

    /// Whether `id` is scheduled.
    pub fn contains(&self, id: TimerId) -> bool {
        self.live.contains_key(&id)
    }

    /// The earliest due time, if any timer is scheduled.
    pub fn next_due(&mut self) -> Option<Micros> {
        self.drop_stale();
        self.heap.peek().map(|Reverse(e)| e.due)
    }

    /// Removes and returns the earliest timer if it is due at or before
    /// `now`.
    pub fn pop_due(&mut self, now: Micros) -> Option<TimerId> {
        self.drop_stale();
        match self.heap.peek() {
            Some(Reverse(e)) if e.due <= now => {
                let id = e.id;
                self.heap.pop();
                self.live.remove(&id);
                Some(id)
            }
            _ => None,
        }
    }

    /// Number of scheduled timers.
    pub fn len(&self) -> usize {
        self.live.len()
    }

    /// Whether no timer is scheduled.
    pub fn is_empty(&self) -> bool {
        self.live.is_empty()
    }

    fn is_stale(&self, e: &Entry) -> bool {
        self.live.get(&e.id) != Some(&e.seq)
    }

    fn drop_stale(&mut self) {
        while let Some(Reverse(e)) = self.heap.peek() {
            if !self.is_stale(e) {
                break;
            }
            self.heap.pop();
        }
    }

    fn compact(&mut self) {
        let entries = std::mem::take(&mut self.heap).into_vec();
        self.heap = entries.into_iter().filter(|Reverse(e)| !self.is_stale(e)).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(h: &mut TimerHeap, now: Micros) -> Vec<u64> {
        std::iter::from_fn(|| h.pop_due(now)).map(|id| id.0).collect()
    }

    #[test]
    fn fires_by_due_time_then_creation_order() {
        let mut h = TimerHeap::default();
        h.schedule(TimerId(1), 100);
        h.schedule(TimerId(2), 50);
        h.schedule(TimerId(3), 100);
        h.schedule(TimerId(4), 50);
        h.schedule(TimerId(5), 75);
        assert_eq!(h.next_due(), Some(50));
        assert_eq!(drain(&mut h, 60), vec![2, 4]);
        assert_eq!(drain(&mut h, 1000), vec![5, 1, 3]);
        assert!(h.is_empty());
        assert_eq!(h.next_due(), None);
    }

    #[test]
    fn nothing_fires_early() {
        let mut h = TimerHeap::default();
        h.schedule(TimerId(1), 10);
        assert_eq!(h.pop_due(9), None);
        assert_eq!(h.pop_due(10), Some(TimerId(1)));
    }

    #[test]
    fn cancel_and_reschedule_are_lazy_but_exact() {
        let mut h = TimerHeap::default();
        h.schedule(TimerId(1), 10);
        h.schedule(TimerId(2), 20);
        h.schedule(TimerId(3), 30);
        assert!(h.cancel(TimerId(1)));
        assert!(!h.cancel(TimerId(1)));
        assert_eq!(h.len(), 2);
        assert_eq!(h.next_due(), Some(20));
        // Rescheduling moves a timer behind those already due then.
        h.schedule(TimerId(2), 30);
        assert_eq!(drain(&mut h, 100), vec![3, 2]);
    }

    #[test]
    fn stale_entries_are_compacted() {
        let mut h = TimerHeap::default();
        h.schedule(TimerId(0), 5);
        for i in 1..10_000 {
            h.schedule(TimerId(i), 10);
            h.cancel(TimerId(i));
        }
        assert!(h.heap.len() <= 130, "heap kept {} stale entries", h.heap.len());
        assert_eq!(drain(&mut h, 100), vec![0]);
    }
}

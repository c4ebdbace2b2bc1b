//! The job (microtask) queue: HostEnqueuePromiseJob and `queueMicrotask`.
//!
//! In the classic picture of a JavaScript runtime — call stack, event
//! table, callback (macrotask) queue, microtask queue, event loop — this is
//! the microtask queue. It lives in the engine because promises, `await`
//! and async generators enqueue into it; the event loop (runtime crate)
//! drains it with [`Vm::run_microtasks`] after every macrotask, which is
//! the microtask checkpoint of HTML and Node.
//!
//! Jobs run first in, first out; a job enqueued while the queue drains
//! runs in the same checkpoint. Every value a job holds is traced as a VM
//! root until it runs.

use std::collections::VecDeque;

use strata_gc::{Gc, Trace, Tracer};

use crate::builtins::promise::{PromiseReaction, ReactionKind};
use crate::object::JsObject;
use crate::value::Value;
use crate::vm::{Exception, JsResult, Vm};

/// One pending job.
pub enum Job {
    /// PromiseReactionJob(reaction, argument).
    Reaction {
        /// The reaction to run.
        reaction: PromiseReaction,
        /// The settled promise's value or reason.
        argument: Value,
    },
    /// PromiseResolveThenableJob(promise, thenable, then).
    ResolveThenable {
        /// The promise being resolved.
        promise: Gc<JsObject>,
        /// The thenable it was resolved with.
        thenable: Value,
        /// `thenable.then`, read once at resolution.
        then: Value,
    },
    /// A `queueMicrotask` callback.
    Callback(Value),
    /// Loading, linking and evaluating the module of an `import()`.
    DynamicImport(Box<crate::module::DynamicImportJob>),
    /// CleanupFinalizationRegistry for a registry (a FinalizationRegistry
    /// object) some of whose targets died.
    FinalizationCleanup(Value),
}

impl Job {
    fn trace(&self, t: &mut Tracer<'_>) {
        match self {
            Job::Reaction { reaction, argument } => {
                reaction.trace(t);
                argument.trace(t);
            }
            Job::ResolveThenable { promise, thenable, then } => {
                t.mark(promise.cell());
                thenable.trace(t);
                then.trace(t);
            }
            Job::Callback(f) => f.trace(t),
            Job::DynamicImport(job) => job.trace(t),
            Job::FinalizationCleanup(registry) => registry.trace(t),
        }
    }
}

/// The queue.
#[derive(Default)]
pub struct JobQueue {
    jobs: VecDeque<Job>,
}

impl JobQueue {
    /// Reports every value the pending jobs hold.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        for j in &self.jobs {
            j.trace(t);
        }
    }
    /// Number of pending jobs.
    pub fn len(&self) -> usize {
        self.jobs.len()
    }
    /// Whether no job is pending.
    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }
}

impl Vm {
    /// HostEnqueuePromiseJob (and `queueMicrotask`): appends a job.
    pub fn enqueue_job(&mut self, job: Job) {
        self.roots.jobs.jobs.push_back(job);
    }

    /// Whether microtasks are pending.
    pub fn has_pending_jobs(&self) -> bool {
        !self.roots.jobs.is_empty()
    }

    /// The microtask checkpoint: runs jobs until the queue is empty,
    /// including jobs enqueued meanwhile. Promise jobs never throw (their
    /// errors reject promises); a `queueMicrotask` callback that throws
    /// stops the checkpoint and its exception is returned, with the rest of
    /// the queue left for the next checkpoint (Node reports it as an
    /// uncaught exception).
    ///
    /// FinalizationRegistry cleanup jobs join the queue here, once it is
    /// empty (a host may run them whenever no script is running); the
    /// checkpoint ends with ClearKeptObjects.
    pub fn run_microtasks(&mut self) -> JsResult<()> {
        loop {
            while let Some(job) = self.roots.jobs.jobs.pop_front() {
                self.run_job(job)?;
            }
            if !self.enqueue_finalization_cleanups() {
                break;
            }
        }
        self.clear_kept_objects();
        Ok(())
    }

    fn run_job(&mut self, job: Job) -> JsResult<()> {
        match job {
            Job::Reaction { reaction, argument } => self.promise_reaction_job(reaction, argument),
            Job::ResolveThenable { promise, thenable, then } => {
                let (resolve, reject) = self.create_resolving_functions(promise)?;
                if let Err(e) = self.call(then, thenable, &[Value::from_gc(resolve), Value::from_gc(reject)]) {
                    if e.is_termination() {
                        return Err(e);
                    }
                    self.call(Value::from_gc(reject), Value::UNDEFINED, &[e.0])?;
                }
                Ok(())
            }
            Job::Callback(f) => self.call(f, Value::UNDEFINED, &[]).map(|_| ()),
            Job::DynamicImport(job) => self.run_dynamic_import(*job),
            Job::FinalizationCleanup(registry) => crate::builtins::weak::cleanup_finalization_registry(self, registry),
        }
    }

    /// PromiseReactionJob (§27.2.2.1).
    fn promise_reaction_job(&mut self, reaction: PromiseReaction, argument: Value) -> JsResult<()> {
        let outcome: Result<Value, Exception> = match reaction.handler {
            crate::builtins::promise::ReactionHandler::Function(h) if !h.is_undefined() => {
                self.call(h, Value::UNDEFINED, &[argument])
            }
            crate::builtins::promise::ReactionHandler::Function(_) => match reaction.kind {
                ReactionKind::Fulfill => Ok(argument),
                ReactionKind::Reject => Err(Exception(argument)),
            },
            crate::builtins::promise::ReactionHandler::Resume(generator) => {
                return self.resume_after_await(generator, reaction.kind, argument);
            }
            crate::builtins::promise::ReactionHandler::Module(module, step) => {
                match self.module_reaction(module, step, reaction.kind == ReactionKind::Fulfill, argument) {
                    Some(outcome) => outcome,
                    None => return Ok(()),
                }
            }
        };
        let Some(cap) = reaction.capability else {
            return match outcome {
                Err(e) if e.is_termination() => Err(e),
                _ => Ok(()),
            };
        };
        match outcome {
            Ok(v) => self.call(cap.resolve, Value::UNDEFINED, &[v]).map(|_| ()),
            Err(e) if e.is_termination() => Err(e),
            Err(e) => self.call(cap.reject, Value::UNDEFINED, &[e.0]).map(|_| ()),
        }
    }
}

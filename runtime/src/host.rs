//! The host state of one VM: its permissions, its event loop and the
//! built-in modules it has made. Host functions (`setTimeout`,
//! `readFile`, `load`, …) are plain native functions that receive only the
//! VM, so they find this state through [`Host::of`]: a registry on the
//! engine's thread keyed by the VM's address (a VM is boxed and never
//! moves; one engine runs on one thread).
//!
//! Invariant: no `RefCell` borrow of the host's state is held across a
//! call into JavaScript — host functions are re-entered from the callbacks
//! the loop runs.

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use strata_gc::{Gc, Persistent};
use strata_vm::object::JsObject;
use strata_vm::symbol::Symbol;
use strata_vm::{JsResult, Vm};

use crate::event_loop::EventLoop;
use crate::permissions::Permissions;

/// What the host needs to know at start-up.
#[derive(Clone, Debug, Default)]
pub struct HostOptions {
    /// File-system permissions.
    pub permissions: Permissions,
    /// `--trace-event-loop`: print every task of the loop to stderr.
    pub trace_event_loop: bool,
}

/// One VM's host state.
pub struct Host {
    /// File-system permissions.
    pub permissions: Permissions,
    /// The working directory at start-up: relative paths resolve against
    /// it for permission checks.
    pub cwd: PathBuf,
    /// Timers, immediates, the event table and the worker pool.
    pub event_loop: RefCell<EventLoop>,
    /// Objects made on first use and kept for the VM's life: built-in
    /// modules by canonical name (`node:fs/promises`), prototypes
    /// (`Stats.prototype`, `Dirent.prototype`).
    objects: RefCell<Vec<(&'static str, Persistent<JsObject>)>>,
    /// The private symbol under which a `Dirent` keeps its entry type.
    pub dirent_type: RefCell<Option<Persistent<Symbol>>>,
}

thread_local! {
    static HOSTS: RefCell<Vec<(usize, Rc<Host>)>> = const { RefCell::new(Vec::new()) };
}

fn key(vm: &Vm) -> usize {
    vm as *const Vm as usize
}

impl Host {
    /// Registers the host state of `vm`, replacing any earlier one.
    pub fn install(vm: &Vm, options: &HostOptions) -> Rc<Host> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        let host = Rc::new(Host {
            permissions: options.permissions.clone(),
            cwd,
            event_loop: RefCell::new(EventLoop::new(options.trace_event_loop)),
            objects: RefCell::new(Vec::new()),
            dirent_type: RefCell::new(None),
        });
        let k = key(vm);
        HOSTS.with(|h| {
            let mut hosts = h.borrow_mut();
            hosts.retain(|(vm, _)| *vm != k);
            hosts.push((k, Rc::clone(&host)));
        });
        host
    }

    /// Forgets `vm`'s host state (the engine is going away): timers and
    /// pending operations are dropped, their roots released.
    pub fn uninstall(vm: &Vm) {
        let k = key(vm);
        let removed = HOSTS.with(|h| {
            let mut hosts = h.borrow_mut();
            let at = hosts.iter().position(|(vm, _)| *vm == k);
            at.map(|i| hosts.swap_remove(i))
        });
        // Dropped outside the registry's borrow: dropping persistent
        // handles touches the heap's root registry, never this one.
        drop(removed);
    }

    /// `vm`'s host state, if it has one.
    pub fn get(vm: &Vm) -> Option<Rc<Host>> {
        let k = key(vm);
        HOSTS.with(|h| h.borrow().iter().find(|(vm, _)| *vm == k).map(|(_, host)| Rc::clone(host)))
    }

    /// `vm`'s host state, or a TypeError naming `what` for host functions
    /// called on a VM whose host was never installed.
    pub fn of(vm: &mut Vm, what: &str) -> JsResult<Rc<Host>> {
        match Host::get(vm) {
            Some(h) => Ok(h),
            None => Err(vm.type_error(&format!("{what}: this engine has no host installed (strata_runtime::install_host)"))),
        }
    }

    /// The object kept under `name`, if made.
    pub fn object(&self, name: &str) -> Option<Gc<JsObject>> {
        self.objects.borrow().iter().find(|(n, _)| *n == name).map(|(_, m)| m.get())
    }

    /// Keeps `object` under `name` for the VM's life.
    pub fn keep_object(&self, vm: &Vm, name: &'static str, object: Gc<JsObject>) {
        let handle = vm.heap.persistent(object);
        self.objects.borrow_mut().push((name, handle));
    }
}

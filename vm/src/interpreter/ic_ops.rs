//! The out-of-line halves of the property and global inline caches (the
//! interpreter tests the monomorphic case inline; see `ic.rs` for states
//! and validity): handler lookup on a miss, state transitions, the
//! megamorphic stub cache, and `--trace-ic`.

use strata_gc::Gc;

use crate::feedback::FeedbackSlot;
use crate::function::SharedFunction;
use crate::ic::{GlobalEntry, GlobalTarget, Handler, IcEntry, IcState, STRING_RECEIVER_LAYOUT, epoch, getter_of};
use crate::object::{JsObject, ObjectKind};
use crate::realm::Intrinsic;
use crate::shape::Shape;
use crate::string::JsString;
use crate::property::{Attrs, PropertyKey};
use crate::value::Value;
use crate::vm::{JsResult, Vm};

/// Where an IC site is, for `--trace-ic`.
#[derive(Copy, Clone)]
pub(crate) struct Site {
    pub shared: Gc<SharedFunction>,
    pub pc: u32,
    pub what: &'static str,
}

/// What kind of store a site performs.
#[derive(Copy, Clone, PartialEq, Eq)]
pub(crate) enum StoreKind {
    /// `o.k = v`: [[Set]], through setters and read-only checks.
    Set,
    /// An object-literal or class-field definition (CreateDataProperty).
    Define,
}

impl Vm {
    /// The load handler for `key` on `obj`, computed without side effects;
    /// `None` when the access is not cacheable.
    fn compute_load_handler(&self, obj: Gc<JsObject>, key: PropertyKey) -> Option<Handler> {
        // A proxy's dictionary shape already refuses; the test says why.
        if obj.shape().is_dictionary() || obj.is_proxy() || matches!(key, PropertyKey::Index(_)) {
            return None;
        }
        let is_length = key == PropertyKey::String(self.roots.names.length);
        if is_length && obj.is_array() {
            return Some(Handler::ArrayLength);
        }
        let mut o = obj;
        loop {
            if (is_length && o.is_array())
                || matches!(o.kind, ObjectKind::ModuleNamespace(_) | ObjectKind::Proxy(_))
                || crate::builtins::typed_array::integer_indexed(&o, key).is_some()
            {
                // Exotic [[Get]] on the chain (a proxy's is a trap, whose
                // shape says nothing; a typed array's numeric names are
                // elements): not cacheable.
                return None;
            }
            if let Some((slot, attrs)) = o.shape().lookup(key) {
                return Some(if attrs.is_accessor() && o == obj {
                    Handler::OwnGetter(slot)
                } else if attrs.is_accessor() {
                    Handler::Getter(o, slot)
                } else if o == obj {
                    Handler::OwnSlot(slot)
                } else {
                    Handler::ProtoSlot(o, slot)
                });
            }
            match o.proto().as_gc::<JsObject>() {
                Some(p) => o = p,
                None => return Some(Handler::Missing),
            }
        }
    }

    /// Runs a load handler.
    #[inline]
    fn run_load_handler(&mut self, obj: Gc<JsObject>, handler: Handler) -> JsResult<Value> {
        if let Some(v) = load_without_code(obj, handler) {
            return Ok(v);
        }
        Ok(match handler {
            Handler::OwnGetter(n) => {
                let getter = getter_of(obj, n);
                if getter.is_undefined() {
                    return Ok(Value::UNDEFINED);
                }
                return self.call(getter, Value::from_gc(obj), &[]);
            }
            Handler::Getter(h, n) => {
                let getter = getter_of(h, n);
                if getter.is_undefined() {
                    return Ok(Value::UNDEFINED);
                }
                return self.call(getter, Value::from_gc(obj), &[]);
            }
            // Answered above, or never recorded for an object receiver.
            _ => Value::UNDEFINED,
        })
    }

    /// The shape string receivers are cached under in the running realm
    /// (see `ic.rs`), if it exists yet.
    #[inline]
    pub(crate) fn string_receiver_shape(&self) -> Option<Gc<Shape>> {
        self.realm().string_receiver_shape.get()
    }

    /// A cached named load from the string `s`: its length, or a data
    /// property of (or missing from) the prototype chain.
    #[inline]
    pub(crate) fn string_load_cached(&self, s: Gc<JsString>, fs: &FeedbackSlot) -> Option<Value> {
        string_load(s, fs.ic.get().find_shape(self.string_receiver_shape()?)?)
    }

    /// GetNamedProperty on a string primitive: `length`, or a data
    /// property found from `String.prototype` on, cached at the site under
    /// the string receiver shape; anything else the generic way.
    fn load_string_named(&mut self, s: Gc<JsString>, key: PropertyKey, fs: &FeedbackSlot, site: Site) -> JsResult<Value> {
        if let Some(v) = self.string_load_cached(s, fs) {
            return Ok(v);
        }
        let recv = Value::from_gc(s);
        let is_length = key == PropertyKey::String(self.roots.names.length);
        let proto = self.intrinsic(Intrinsic::StringPrototype);
        let handler = if is_length {
            Some(Handler::StringLength)
        } else {
            // String.prototype's own `length` and indices are shadowed by
            // the string's; other keys start the lookup there.
            match self.compute_load_handler(proto, key) {
                Some(Handler::OwnSlot(n)) => Some(Handler::ProtoSlot(proto, n)),
                Some(h @ (Handler::ProtoSlot(..) | Handler::Missing)) => Some(h),
                _ => None,
            }
        };
        let Some(handler) = handler else { return self.get_value(recv, key) };
        let shape = match self.string_receiver_shape() {
            Some(shape) => shape,
            None => {
                proto.watch();
                let first = proto.child_root_shape();
                let shape = self.alloc(Shape::root(Value::from_gc(proto), STRING_RECEIVER_LAYOUT, false, first))?;
                proto.set_child_root_shape(shape);
                self.realm().string_receiver_shape.set(Some(shape));
                shape
            }
        };
        self.ic_record(fs, site, key, IcEntry::new(shape, false, handler), false);
        // The handler itself: a megamorphic site recorded it in the stub
        // cache, not where `string_load_cached` looks.
        match string_load(s, handler) {
            Some(v) => Ok(v),
            None => self.get_value(recv, key),
        }
    }

    /// Records a new case in a site's state (or the stub cache once
    /// megamorphic), tracing the transition when asked to.
    fn ic_record(&mut self, fs: &FeedbackSlot, site: Site, key: PropertyKey, entry: IcEntry, store: bool) {
        let old = fs.ic.get().name();
        fs.ic.update_with(|s| s.update(entry));
        let new = fs.ic.get().name();
        if matches!(fs.ic.get(), IcState::Megamorphic) {
            self.roots.stub_cache.insert(key, entry, store);
        }
        if self.options.trace_ic {
            self.trace_ic_line(site, key, old, new, &describe_entry(&entry));
        }
    }

    fn trace_ic_line(&self, site: Site, key: PropertyKey, old: &str, new: &str, detail: &str) {
        let name = String::from_utf16_lossy(&site.shared.code.name);
        let name = if name.is_empty() { "<anonymous>".to_string() } else { name };
        let line = self.site_line(site);
        eprintln!(
            "[ic] {name}{line} @{} {} '{}': {old} -> {new} ({detail})",
            site.pc,
            site.what,
            self.describe_key(key)
        );
    }

    fn site_line(&self, site: Site) -> String {
        let code = &site.shared.code;
        match (code.source_offset(site.pc), self.scripts.get(code.script as usize)) {
            (Some(off), Some(script)) => {
                let (line, col) = script.line_column(off);
                format!(" ({}:{line}:{col})", script.path)
            }
            _ => String::new(),
        }
    }

    /// GetNamedProperty after the inline monomorphic check missed.
    pub(crate) fn load_named_ic(&mut self, recv: Value, key: PropertyKey, fs: &FeedbackSlot, site: Site) -> JsResult<Value> {
        let Some(obj) = recv.as_gc::<JsObject>() else {
            if let Some(s) = recv.as_gc::<JsString>()
                && !matches!(key, PropertyKey::Index(_))
            {
                return self.load_string_named(s, key, fs, site);
            }
            return self.get_value(recv, key);
        };
        let state = fs.ic.get();
        if let Some(h) = state.find(&obj) {
            return self.run_load_handler(obj, h);
        }
        if matches!(state, IcState::Megamorphic) {
            if let Some(h) = self.roots.stub_cache.find(&obj, key, false) {
                return self.run_load_handler(obj, h);
            }
        }
        match self.compute_load_handler(obj, key) {
            Some(h) => {
                self.ic_record(fs, site, key, IcEntry::new(obj.shape(), obj.is_array(), h), false);
                self.run_load_handler(obj, h)
            }
            None => self.get(obj, key, recv),
        }
    }

    /// A keyed load with a name key: the stub cache (the site's own state
    /// is keyed by shape only).
    pub(crate) fn load_keyed_named(&mut self, obj: Gc<JsObject>, key: PropertyKey) -> JsResult<Value> {
        if let Some(h) = self.roots.stub_cache.find(&obj, key, false) {
            return self.run_load_handler(obj, h);
        }
        match self.compute_load_handler(obj, key) {
            Some(h) => {
                self.roots.stub_cache.insert(key, IcEntry::new(obj.shape(), obj.is_array(), h), false);
                self.run_load_handler(obj, h)
            }
            None => self.get(obj, key, Value::from_gc(obj)),
        }
    }

    /// The store handler for an existing own property, or `None` if the
    /// store must add a property (or is not cacheable: `Err(())`).
    fn compute_store_handler(&self, obj: Gc<JsObject>, key: PropertyKey, kind: StoreKind) -> Result<Option<Handler>, ()> {
        // A proxy's dictionary shape already refuses; the test says why.
        if obj.shape().is_dictionary() || obj.is_proxy() || matches!(key, PropertyKey::Index(_)) {
            return Err(());
        }
        let is_length = key == PropertyKey::String(self.roots.names.length);
        if (is_length && obj.is_array()) || crate::builtins::typed_array::integer_indexed(&obj, key).is_some() {
            return Err(());
        }
        if let Some((slot, attrs)) = obj.shape().lookup(key) {
            let ok = match kind {
                StoreKind::Set => !attrs.is_accessor() && attrs.writable(),
                StoreKind::Define => attrs == Attrs::DEFAULT,
            };
            return if ok { Ok(Some(Handler::OwnSlot(slot))) } else { Err(()) };
        }
        if !obj.is_extensible() {
            return Err(());
        }
        if kind == StoreKind::Set {
            // Adding is cacheable when nothing up the chain intercepts it.
            let mut p = obj.proto();
            while let Some(o) = p.as_gc::<JsObject>() {
                if (is_length && o.is_array())
                    || matches!(o.kind, ObjectKind::ModuleNamespace(_) | ObjectKind::Proxy(_))
                    || crate::builtins::typed_array::integer_indexed(&o, key).is_some()
                {
                    return Err(());
                }
                if let Some((_, attrs)) = o.shape().lookup(key) {
                    if attrs.is_accessor() || !attrs.writable() {
                        return Err(());
                    }
                    break;
                }
                p = o.proto();
            }
        }
        Ok(None)
    }

    /// Runs a store handler; false when its preconditions fail (the caller
    /// takes the generic path).
    #[inline]
    fn run_store_handler(&mut self, obj: Gc<JsObject>, handler: Handler, value: Value) -> bool {
        match handler {
            Handler::OwnSlot(n) => {
                obj.set_slot(n, value);
                strata_gc::write_barrier(obj.cell(), value.bits() as usize);
                true
            }
            Handler::Transition(to, n) => {
                if !obj.is_extensible() || obj.is_watched() || obj.slot_count() != n as usize {
                    return false;
                }
                obj.set_shape(to);
                obj.push_slot(value);
                strata_gc::write_barrier(obj.cell(), value.bits() as usize);
                true
            }
            _ => false,
        }
    }

    /// SetNamedProperty / DefineNamedOwnProperty after the inline check
    /// missed.
    pub(crate) fn store_named_ic(
        &mut self,
        recv: Value,
        key: PropertyKey,
        value: Value,
        strict: bool,
        kind: StoreKind,
        fs: &FeedbackSlot,
        site: Site,
    ) -> JsResult<()> {
        let Some(obj) = recv.as_gc::<JsObject>() else {
            return match kind {
                StoreKind::Set => self.set_value(recv, key, value, strict),
                StoreKind::Define => Ok(()),
            };
        };
        let state = fs.ic.get();
        let cached = state.find(&obj).or_else(|| {
            if matches!(state, IcState::Megamorphic) { self.roots.stub_cache.find(&obj, key, true) } else { None }
        });
        if let Some(h) = cached
            && self.run_store_handler(obj, h, value)
        {
            return Ok(());
        }
        let before = obj.shape();
        let plan = self.compute_store_handler(obj, key, kind);
        match kind {
            StoreKind::Set => self.set_value(recv, key, value, strict)?,
            StoreKind::Define => {
                self.create_data_property_or_throw(obj, key, value)?;
            }
        }
        let handler = match plan {
            Ok(Some(h)) => Some(h),
            Ok(None) => {
                // The store added the property: cache the transition if it
                // is the shared one from `before`.
                let after = obj.shape();
                match after.lookup(key) {
                    Some((n, Attrs::DEFAULT))
                        if !after.is_dictionary()
                            && n as usize == before.table().keys.len()
                            && before.transition(key, Attrs::DEFAULT) == Some(after) =>
                    {
                        Some(Handler::Transition(after, n))
                    }
                    _ => None,
                }
            }
            Err(()) => None,
        };
        if let Some(h) = handler {
            self.ic_record(fs, site, key, IcEntry::new(before, obj.is_array(), h), true);
        }
        Ok(())
    }

    /// LdaGlobal through the site's cache.
    pub(crate) fn load_global_ic(&mut self, key: PropertyKey, for_typeof: bool, fs: &FeedbackSlot, site: Site) -> JsResult<Value> {
        let realm = self.roots.realm;
        if let IcState::Global(g) = fs.ic.get()
            && g.valid(realm)
        {
            match g.target {
                GlobalTarget::Lexical(p) => {
                    // SAFETY: lexical bindings are boxed and never removed
                    // from their realm's table; the realm is alive (it is
                    // the current one).
                    let v = unsafe { (*p).value.get() };
                    if !v.is_hole() {
                        return Ok(v);
                    }
                }
                GlobalTarget::Property(n) => return Ok(g.realm.global_object().slot(n)),
            }
        }
        let v = self.load_global(key, for_typeof)?;
        self.cache_global(key, fs, site, false);
        Ok(v)
    }

    /// StaGlobal through the site's cache.
    pub(crate) fn store_global_ic(&mut self, key: PropertyKey, v: Value, strict: bool, fs: &FeedbackSlot, site: Site) -> JsResult<()> {
        let realm = self.roots.realm;
        if let IcState::Global(g) = fs.ic.get()
            && g.valid(realm)
        {
            match g.target {
                GlobalTarget::Lexical(p) => {
                    // SAFETY: as in `load_global_ic`.
                    let b = unsafe { &*p };
                    if b.mutable && !b.value.get().is_hole() {
                        b.value.set(v);
                        return Ok(());
                    }
                }
                GlobalTarget::Property(n) => {
                    let global = g.realm.global_object();
                    global.set_slot(n, v);
                    strata_gc::write_barrier(global.cell(), v.bits() as usize);
                    return Ok(());
                }
            }
        }
        self.store_global(key, v, strict)?;
        self.cache_global(key, fs, site, true);
        Ok(())
    }

    /// Caches where a global binding lives, if it is a lexical binding or
    /// a plain data property (writable, for stores) of the global object.
    fn cache_global(&mut self, key: PropertyKey, fs: &FeedbackSlot, site: Site, store: bool) {
        let Some(realm) = self.roots.realm else { return };
        let target = if let PropertyKey::String(name) = key
            && let Some(b) = realm.lexicals.borrow().get(&name)
        {
            if b.value.get().is_hole() || (store && !b.mutable) {
                return;
            }
            GlobalTarget::Lexical(&**b as *const _)
        } else {
            let global = realm.global_object();
            match global.shape().lookup(key) {
                Some((n, a)) if !a.is_accessor() && (!store || a.writable()) => GlobalTarget::Property(n),
                _ => return,
            }
        };
        let old = fs.ic.get().name();
        fs.ic.update_with(|s| *s = IcState::Global(GlobalEntry { realm, target, epoch: epoch() }));
        if self.options.trace_ic {
            let detail = match target {
                GlobalTarget::Lexical(_) => "lexical binding".to_string(),
                GlobalTarget::Property(n) => format!("global object slot {n}"),
            };
            self.trace_ic_line(site, key, old, "global", &detail);
        }
    }
}

impl Vm {
    /// `--print-feedback`: every linked function that ran, with its
    /// invocation count and each feedback slot's state.
    pub fn feedback_report(&self) -> String {
        use std::fmt::Write;
        use strata_bytecode::FeedbackSlotKind as K;
        let mut out = String::new();
        for f in &self.roots.linked_functions {
            if f.invocations.get() == 0 {
                continue;
            }
            let name = String::from_utf16_lossy(&f.code.name);
            let name = if name.is_empty() { "<anonymous>".to_string() } else { name };
            let place = self.site_line(Site { shared: *f, pc: 0, what: "" });
            let _ = writeln!(out, "[feedback for {name}{place}: {} invocations, {} slots]", f.invocations.get(), f.feedback.slots.len());
            for (i, s) in f.feedback.slots.iter().enumerate() {
                let state = s.state.get();
                let text = match s.kind {
                    K::LoadProperty | K::StoreProperty | K::DefineOwn | K::LoadGlobal | K::StoreGlobal | K::Construct => {
                        let mut t = self.describe_ic(s.ic.get());
                        if s.kind == K::Construct {
                            let _ = write!(t, "; {}", self.describe_target(s.cached.get(), state));
                        }
                        t
                    }
                    K::LoadKeyed | K::StoreKeyed | K::BinaryOp | K::CompareOp | K::UnaryOp | K::InstanceOf | K::In => {
                        describe_types(state)
                    }
                    K::Call => self.describe_target(s.cached.get(), state),
                    K::Loop => format!("{state} back edges"),
                    _ => continue,
                };
                let _ = writeln!(out, "  slot {i:<3} {:<13} {text}", format!("{:?}", s.kind));
            }
        }
        out
    }

    fn describe_ic(&self, state: &IcState) -> String {
        let entry = |e: &IcEntry| format!("shape {:#x} -> {}{}", e.shape.as_ptr() as usize, e.handler.name(), handler_slot(e));
        match state {
            IcState::Monomorphic(e) => format!("monomorphic: {}", entry(e)),
            IcState::Polymorphic(v) => {
                format!("polymorphic ({}): {}", v.len(), v.iter().map(entry).collect::<Vec<_>>().join("; "))
            }
            IcState::Global(g) => match g.target {
                GlobalTarget::Lexical(_) => "global: lexical binding".into(),
                GlobalTarget::Property(n) => format!("global: global object slot {n}"),
            },
            IcState::Allocation(s) => format!("allocates shape {:#x}", s.as_ptr() as usize),
            other => other.name().into(),
        }
    }

    fn describe_target(&self, target: Value, count: u32) -> String {
        if target.is_undefined() {
            return format!("uninitialized ({count} calls)");
        }
        if target.is_hole() {
            return format!("megamorphic ({count} calls)");
        }
        let name = target
            .as_gc::<JsObject>()
            .and_then(|f| match &f.kind {
                ObjectKind::Function(d) => match &d.code {
                    crate::function::FunctionCode::Bytecode { shared, .. } => Some(String::from_utf16_lossy(&shared.code.name)),
                    crate::function::FunctionCode::Native { .. } => Some("<native>".into()),
                },
                _ => None,
            })
            .unwrap_or_else(|| "?".into());
        let name = if name.is_empty() { "<anonymous>".into() } else { name };
        format!("monomorphic target {name} ({count} calls)")
    }
}

/// An IC entry for `--trace-ic`: the handler, its slot, the shape.
fn describe_entry(e: &IcEntry) -> String {
    format!("{}{} on shape {:#x}", e.handler.name(), handler_slot(e), e.shape.as_ptr() as usize)
}

/// " n" for handlers that name a slot.
fn handler_slot(e: &IcEntry) -> String {
    // Where the slot is: in the object's cell (inline) or in its
    // out-of-line vector, which costs compiled code one more load.
    let place = |n: u32, capacity: u32| if n < capacity { "inline" } else { "out of line" };
    match e.handler {
        Handler::OwnSlot(n) | Handler::OwnGetter(n) | Handler::Transition(_, n) => {
            format!(" {n} ({})", place(n, e.shape.inline_capacity()))
        }
        Handler::ProtoSlot(h, n) | Handler::Getter(h, n) => format!(" {n} ({})", place(n, h.inline_capacity())),
        Handler::Missing | Handler::ArrayLength | Handler::StringLength => String::new(),
    }
}

/// Type feedback bits as text.
fn describe_types(bits: u32) -> String {
    use crate::feedback::type_feedback::*;
    let b = bits as u8;
    match b {
        NONE => "none".into(),
        ANY => "any".into(),
        _ => {
            let mut parts = Vec::new();
            if b & NUMBER == NUMBER {
                parts.push("number");
            } else if b & INT32 != 0 {
                parts.push("int32");
            }
            if b & STRING != 0 {
                parts.push("string");
            }
            if b & BIGINT != 0 {
                parts.push("bigint");
            }
            parts.join("|")
        }
    }
}

/// What a string receiver's load `handler` gives for `s`: its length, a
/// prototype's data property, or undefined for a missing one (`None` for
/// handlers strings never cache).
fn string_load(s: Gc<JsString>, handler: Handler) -> Option<Value> {
    match handler {
        Handler::StringLength => Some(Value::int(s.len() as i32)),
        Handler::ProtoSlot(h, n) => Some(h.slot(n)),
        Handler::Missing => Some(Value::UNDEFINED),
        _ => None,
    }
}

/// What a load `handler` gives for the object `obj` when it runs no code
/// (a slot, a missing property, an Array's length); `None` for getters
/// (and the handlers object loads never record). The interpreter's fast
/// handler answers these without the generic path.
#[inline]
pub(crate) fn load_without_code(obj: Gc<JsObject>, handler: Handler) -> Option<Value> {
    match handler {
        Handler::OwnSlot(n) => Some(obj.slot(n)),
        Handler::ProtoSlot(h, n) => Some(h.slot(n)),
        Handler::Missing => Some(Value::UNDEFINED),
        Handler::ArrayLength => Some(match &obj.kind {
            ObjectKind::Array { length, .. } => Value::number(length.get() as f64),
            _ => Value::UNDEFINED,
        }),
        _ => None,
    }
}

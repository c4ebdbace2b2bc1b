//! What compiled code assumes about cell layouts beyond the offsets
//! `JitLayout` probes.

use strata_vm::bigint::BigInt;
use strata_vm::ic::NO_SHAPE;
use strata_vm::jit::JitLayout;
use strata_vm::shape::Shape;
use strata_vm::symbol::Symbol;
use strata_vm::{Value, Vm, VmOptions};

/// The word at the object shape offset of the cell `v` points at, and
/// whether it points at or into a shape cell.
fn word_at_shape_offset(vm: &Vm, layout: &JitLayout, v: Value) -> (usize, bool) {
    let cell = v.as_cell().expect("a cell");
    // SAFETY: the shape offset is the payload's first word, and every
    // cell a value can point at has a payload of two words at least (a
    // symbol's is the smallest), and `cell` is live (the value is on this stack frame and
    // no collection runs in between).
    let word = unsafe { ((cell.addr() + layout.object.shape) as *const usize).read() };
    let shape = vm.heap.find_cell(word).is_some_and(|c| c.downcast::<Shape>().is_some());
    (word, shape)
}

/// The baseline's property ICs compare the word at the shape offset of
/// any cell with their mirror's entries, without checking first that the
/// cell is an object: only objects may hold a shape's address there, and
/// no cell the unused entries' `NO_SHAPE`. The layouts that promise it:
/// a string's first payload word is its representation's tag, a
/// symbol's its description, a bigint's its external byte count.
#[test]
fn only_objects_hold_a_shape_at_the_shape_offset() {
    let mut vm = Vm::new(VmOptions::default());
    let layout = JitLayout::of(&vm);
    // The shape is the payload's first word (else compiled code checks
    // headers first, and the reads below would not be of first words).
    assert!(layout.shape_first, "JsObject's shape moved from its first payload word");

    let object = Value::from_gc(vm.new_object().unwrap());
    let (_, shape) = word_at_shape_offset(&vm, &layout, object);
    assert!(shape, "an object's shape word is a shape (the check below means something)");

    let long = "a string long enough to be a rope";
    let mut values = vec![
        vm.string_value("").unwrap(),
        vm.string_value("abc").unwrap(),
        vm.string_value("h\u{e9}llo \u{20ac}").unwrap(),
        Value::from_gc(vm.intern("length")),
    ];
    let (l, r) = (vm.new_string(long).unwrap(), vm.new_string(long).unwrap());
    values.push(Value::from_gc(vm.concat(l, r).unwrap()));
    let description = vm.string_value("desc").unwrap();
    for description in [description, Value::UNDEFINED] {
        values.push(Value::from_gc(vm.alloc(Symbol { description, registered: false, private: false }).unwrap()));
    }
    for n in [BigInt::from(0), BigInt::from(-7), BigInt::from(1u128 << 100)] {
        values.push(vm.new_bigint(n).unwrap());
    }
    for v in values {
        let (word, shape) = word_at_shape_offset(&vm, &layout, v);
        assert!(!shape, "{word:#x} at the shape offset of a non-object cell points at a shape");
        assert_ne!(word, NO_SHAPE);
        if let Some(s) = v.as_gc::<Symbol>() {
            assert_eq!(word as u64, s.description.bits(), "a symbol's first word is its description");
        } else if v.as_bigint().is_some() {
            assert!(word < 1 << 28, "a bigint's first word is a byte count: {word:#x}");
        } else {
            assert!(word <= 2, "a string's first word is its representation's tag: {word:#x}");
        }
    }
}

/// Compiled code reads a string's length where `JsString::jit_layout`
/// says: a rope's field, or a flat string's slice length.
#[test]
fn string_lengths_are_where_the_layout_says() {
    let mut vm = Vm::new(VmOptions::default());
    let layout = JitLayout::of(&vm);
    let s = layout.string;
    let long = "a string long enough to be a rope";
    let (a, b) = (vm.new_string(long).unwrap(), vm.new_string("h\u{e9}llo \u{20ac} and more text").unwrap());
    let strings = [
        vm.new_string("").unwrap(),
        vm.new_string("abc").unwrap(),
        vm.new_string("h\u{e9}llo \u{20ac}").unwrap(),
        vm.concat(a, a).unwrap(),
        vm.concat(a, b).unwrap(),
    ];
    let mut ropes = 0;
    for string in strings {
        let cell = string.as_ptr() as usize;
        // SAFETY: `cell` is a live string cell; the offsets are inside it
        // (the tag and the words of its representation).
        let (tag, len) = unsafe {
            let tag = ((cell + s.tag) as *const u64).read();
            let len = if tag == strata_vm::string::ROPE_TAG as u64 {
                ((cell + s.rope_len) as *const u32).read() as usize
            } else {
                ((cell + s.flat_len) as *const usize).read()
            };
            (tag, len)
        };
        assert!(tag <= 2, "tag {tag}");
        ropes += usize::from(tag == 2);
        assert_eq!(len, string.len(), "tag {tag}");
    }
    assert_eq!(ropes, 2, "the long concatenations are ropes");
}

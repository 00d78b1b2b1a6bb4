//! Paths of the misbehaving test plugins, compiled to components by this
//! crate's build script. Each plugin under `plugins/` exercises one way a
//! plugin can go wrong; the host's tests load them next to well-behaved ones.

include!(concat!(env!("OUT_DIR"), "/programs.rs"));

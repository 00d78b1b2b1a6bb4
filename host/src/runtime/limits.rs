//! The memory budget of one plugin store.

/// Caps the total size of a plugin's linear memories and tables.
///
/// wasmtime's `StoreLimits` caps each memory on its own, so a component with
/// several memories could use a multiple of the limit; this budget counts
/// them together.
#[derive(Debug)]
pub(crate) struct MemoryBudget {
    limit: usize,
    used: usize,
    /// Set when a growth was refused: the trap that follows is the cap's doing.
    pub(crate) exceeded: bool,
}

/// Table elements per table; plugins need few (function references).
const MAX_TABLE_ELEMENTS: usize = 1 << 20;

impl MemoryBudget {
    pub(crate) fn new(limit: usize) -> Self {
        Self {
            limit,
            used: 0,
            exceeded: false,
        }
    }
}

impl wasmtime::ResourceLimiter for MemoryBudget {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        let after = self.used - current.min(self.used) + desired;
        if after > self.limit {
            self.exceeded = true;
            return Ok(false);
        }
        self.used = after;
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(desired <= MAX_TABLE_ELEMENTS)
    }

    fn instances(&self) -> usize {
        100
    }

    fn tables(&self) -> usize {
        100
    }

    fn memories(&self) -> usize {
        100
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasmtime::ResourceLimiter;

    #[test]
    fn counts_all_memories_against_one_budget() {
        let mut budget = MemoryBudget::new(100);
        assert!(budget.memory_growing(0, 60, None).unwrap());
        assert!(
            !budget.memory_growing(0, 60, None).unwrap(),
            "a second memory shares the budget"
        );
        assert!(budget.exceeded);
        assert!(budget.memory_growing(0, 40, None).unwrap());
    }

    #[test]
    fn growing_one_memory_counts_only_the_growth() {
        let mut budget = MemoryBudget::new(100);
        assert!(budget.memory_growing(0, 50, None).unwrap());
        assert!(budget.memory_growing(50, 100, None).unwrap());
        assert!(!budget.memory_growing(100, 101, None).unwrap());
    }
}

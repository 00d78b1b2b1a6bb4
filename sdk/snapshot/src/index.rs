//! A snapshot indexed by resource type, so a check touches only what it reads.

use std::collections::HashMap;

use crate::{CollectionError, ConfigurationItem, Snapshot};

/// A parsed snapshot with its resources grouped by type.
#[derive(Debug)]
pub struct SnapshotIndex {
    snapshot: Snapshot,
    by_type: HashMap<String, Vec<usize>>,
}

impl SnapshotIndex {
    /// Indexes `snapshot` in one pass over its resources.
    #[must_use]
    pub fn new(snapshot: Snapshot) -> Self {
        let mut by_type: HashMap<String, Vec<usize>> = HashMap::new();
        for (position, item) in snapshot.resources.iter().enumerate() {
            by_type
                .entry(item.resource_type.clone())
                .or_default()
                .push(position);
        }
        Self { snapshot, by_type }
    }

    /// The snapshot itself.
    #[must_use]
    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    /// Every resource of `resource_type`, in snapshot order.
    pub fn resources<'a>(
        &'a self,
        resource_type: &str,
    ) -> impl ExactSizeIterator<Item = &'a ConfigurationItem> + 'a {
        self.by_type
            .get(resource_type)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&position| &self.snapshot.resources[position])
    }

    /// Resource types present, with how many resources each has, sorted by type.
    #[must_use]
    pub fn type_counts(&self) -> Vec<(&str, usize)> {
        let mut counts: Vec<_> = self
            .by_type
            .iter()
            .map(|(kind, positions)| (kind.as_str(), positions.len()))
            .collect();
        counts.sort_unstable();
        counts
    }

    /// Collection errors that may have hidden resources of `resource_type`.
    pub fn collection_errors<'a>(
        &'a self,
        resource_type: &'a str,
    ) -> impl Iterator<Item = &'a CollectionError> + 'a {
        self.snapshot
            .collection_errors
            .iter()
            .filter(move |error| error.affects(resource_type))
    }

    /// Collection errors that may have hidden resources of any of
    /// `resource_types`, each once: the gaps a check reading them inherits.
    #[must_use]
    pub fn gaps(&self, resource_types: &[String]) -> Vec<&CollectionError> {
        self.snapshot
            .collection_errors
            .iter()
            .filter(|error| resource_types.iter().any(|t| error.affects(t)))
            .collect()
    }
}

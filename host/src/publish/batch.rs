//! Splitting findings into `BatchImportFindings` requests.

use crate::report::asff::{AsffFinding, MAX_FINDING_BYTES};

/// Findings per request.
pub(crate) const MAX_FINDINGS: usize = 100;
/// Bytes per request: Security Hub's 6 MB, less room for the envelope.
pub(crate) const MAX_REQUEST_BYTES: usize = 6 * 1000 * 1000 - 16 * 1024;

/// A finding Security Hub would refuse for its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Oversized {
    pub(crate) id: String,
    pub(crate) bytes: usize,
}

/// Requests of at most [`MAX_FINDINGS`] findings and `max_bytes` bytes, in
/// order; findings over the per-finding limit are set aside.
pub(crate) fn batches(
    findings: Vec<AsffFinding>,
    max_bytes: usize,
) -> (Vec<Vec<AsffFinding>>, Vec<Oversized>) {
    let mut batches = Vec::new();
    let mut oversized = Vec::new();
    let mut current: Vec<AsffFinding> = Vec::new();
    let mut current_bytes = 0;
    for finding in findings {
        let bytes = serde_json::to_vec(&finding).map_or(usize::MAX, |b| b.len() + 1);
        if bytes > MAX_FINDING_BYTES {
            oversized.push(Oversized {
                id: finding.id,
                bytes,
            });
            continue;
        }
        if !current.is_empty()
            && (current.len() == MAX_FINDINGS || current_bytes + bytes > max_bytes)
        {
            batches.push(std::mem::take(&mut current));
            current_bytes = 0;
        }
        current_bytes += bytes;
        current.push(finding);
    }
    if !current.is_empty() {
        batches.push(current);
    }
    (batches, oversized)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::asff::tests_support::finding_with_description;

    #[test]
    fn batches_hold_at_most_100_findings_and_the_byte_limit() {
        let findings: Vec<AsffFinding> = (0..250)
            .map(|n| finding_with_description(&format!("f{n}"), 10))
            .collect();
        let (batches, oversized) = batches(findings, MAX_REQUEST_BYTES);
        assert!(oversized.is_empty());
        let sizes: Vec<usize> = batches.iter().map(Vec::len).collect();
        assert_eq!(sizes, [100, 100, 50]);
        assert_eq!(batches[2][49].id, "f249", "order is kept");

        let big: Vec<AsffFinding> = (0..10)
            .map(|n| finding_with_description(&format!("b{n}"), 1000))
            .collect();
        let one = serde_json::to_vec(&big[0]).unwrap().len() + 1;
        let (batches, _) = super::batches(big, one * 3);
        let sizes: Vec<usize> = batches.iter().map(Vec::len).collect();
        assert_eq!(sizes, [3, 3, 3, 1]);
    }

    #[test]
    fn an_oversized_finding_is_set_aside_not_sent() {
        let mut huge = finding_with_description("huge", 10);
        huge.product_fields
            .insert("x".to_owned(), "y".repeat(MAX_FINDING_BYTES));
        let (batches, oversized) = batches(
            vec![huge, finding_with_description("ok", 10)],
            MAX_REQUEST_BYTES,
        );
        assert_eq!(oversized.len(), 1);
        assert_eq!(oversized[0].id, "huge");
        assert_eq!(batches.len(), 1);
    }
}

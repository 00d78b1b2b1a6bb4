//! # Previous-generation instance type
//!
//! ## What it checks
//! No running or stopped instance may use a previous-generation family
//! (`t1`, `t2`, `m1`-`m4`, `c1`, `c3`, `c4`, `r3`, `r4`, `i2`, `d2`, `g2`,
//! `p2`, `x1`). The estimate is the hourly difference to the current family
//! when both prices are in the table.
//!
//! ## Why it matters
//! Newer generations give more performance per dollar and per watt; staying
//! on old ones pays more for less, and burns more energy doing it.
//!
//! ## Remediation
//! Stop the instance, change its type to the current generation of the same
//! family (for example `m4.xlarge` → `m6i.xlarge`), and start it.

use parapet_sdk::prelude::*;
use parapet_sdk::snapshot::types::ec2::Instance;

use super::{COST_TYPE, waste};
use crate::prices::{HOURS_PER_MONTH, instance_hour};

pub(crate) struct PreviousGeneration;

const OLD_FAMILIES: &[(&str, &str)] = &[
    ("t1", "t3"),
    ("t2", "t3"),
    ("m1", "m6i"),
    ("m2", "m6i"),
    ("m3", "m6i"),
    ("m4", "m6i"),
    ("c1", "c5"),
    ("c3", "c5"),
    ("c4", "c5"),
    ("r3", "r5"),
    ("r4", "r5"),
    ("i2", "i3"),
    ("d2", "d3"),
    ("g2", "g4dn"),
    ("p2", "p3"),
    ("x1", "x2idn"),
];

impl Check for PreviousGeneration {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "cost-previous-generation",
            "Instances use current-generation types",
            Severity::Low,
        )
        .description(module_doc(include_str!("previous_generation.rs")))
        .finding_type(COST_TYPE)
        .resource_type(Instance::RESOURCE_TYPE)
        .well_architected(Pillar::CostOptimization, "COST06-BP03")
        .well_architected(Pillar::Sustainability, "SUS05-BP01")
        .remediation(
            "Move instances to the current generation of their family.",
            Some("https://aws.amazon.com/ec2/previous-generation/"),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        Ok(ctx
            .resources::<Instance>()?
            .iter()
            .filter(|i| i.configuration.state.name != "terminated")
            .map(|instance| {
                let id = &instance.configuration.instance_id;
                let kind = &instance.configuration.instance_type;
                let (family, size) = kind.split_once('.').unwrap_or((kind, ""));
                match OLD_FAMILIES.iter().find(|(old, _)| *old == family) {
                    Some((_, current)) => {
                        let newer = format!("{current}.{size}");
                        let running = instance.configuration.state.name == "running";
                        let saving = instance_hour(kind)
                            .zip(instance_hour(&newer))
                            .map(|(old, new)| (old - new).max(0.0) * HOURS_PER_MONTH)
                            .filter(|_| running);
                        waste(
                            ctx,
                            instance,
                            format!(
                                "instance {id} is a previous-generation {kind}; {newer} is current"
                            ),
                            saving,
                        )
                    }
                    None => ctx.finding(
                        instance,
                        Status::Passed,
                        format!("instance {id} is a current-generation {kind}"),
                    ),
                }
            })
            .collect())
    }
}

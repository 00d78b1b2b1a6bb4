//! # Expired server certificates in IAM
//!
//! ## What it checks
//! No SSL/TLS server certificate stored in IAM may be past its expiration
//! date at the time of the snapshot.
//!
//! ## Why it matters
//! An expired certificate attached to a load balancer or CloudFront breaks
//! clients or trains them to click through warnings; left in IAM, it invites
//! someone to attach it by mistake.
//!
//! ## Remediation
//! `aws iam delete-server-certificate --server-certificate-name NAME`, and
//! manage certificates in AWS Certificate Manager, which renews them.

use parapet_sdk::prelude::*;

use super::CIS_TYPE;

pub(crate) struct ExpiredServerCertificates;

impl Check for ExpiredServerCertificates {
    fn metadata(&self) -> CheckMetadata {
        CheckMetadata::new(
            "iam-expired-server-certificates",
            "No expired server certificates are stored in IAM",
            Severity::Medium,
        )
        .description(module_doc(include_str!("expired_server_certificates.rs")))
        .finding_type(CIS_TYPE)
        .resource_type(ServerCertificate::RESOURCE_TYPE)
        .compliance(["CIS-AWS-3.0/1.19"])
        .well_architected(Pillar::Security, "SEC09-BP01")
        .remediation(
            "Delete expired server certificates from IAM; use ACM for renewal.",
            Some(
                "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html",
            ),
        )
    }

    fn evaluate(&self, ctx: &Context) -> Result<Vec<Finding>, PluginError> {
        let now = ctx.scan()?.collected_at;
        ctx.resources::<ServerCertificate>()?
            .iter()
            .map(|cert| {
                let name = &cert.configuration.server_certificate_name;
                let expiration = cert.configuration.expiration.as_deref().unwrap_or_default();
                let Ok(expires) = expiration.parse::<jiff::Timestamp>() else {
                    return Ok(ctx.finding(
                        cert,
                        Status::NotAvailable,
                        format!("server certificate {name} has no readable expiration date ('{expiration}')"),
                    ));
                };
                Ok(if expires <= now {
                    ctx.finding(cert, Status::Failed, format!("server certificate {name} expired on {expiration}"))
                } else {
                    ctx.finding(cert, Status::Passed, format!("server certificate {name} is valid until {expiration}"))
                })
            })
            .collect()
    }
}

//! AWS Organizations (global, from the management or a delegated
//! administrator account): member accounts and the service control
//! policies in force on each, inherited from its OUs and the root.

use std::collections::HashMap;

use aws_sdk_organizations::Client;
use aws_sdk_organizations::types::{Account as OrgAccount, PolicySummary, PolicyType};
use serde_json::Value;

use crate::account::{Account, GLOBAL, Scope, Unit};
use crate::error::CallError;
use crate::json::{ToJson, to_json};

const MEMBER: &str = "Parapet::Organizations::Account";

pub(crate) fn units(account: &Account) -> Vec<Unit<'_>> {
    vec![account.unit("organizations", GLOBAL, &[MEMBER], members)]
}

to_json! {
    OrgAccount {
        "Id" => id, "Arn" => arn, "Email" => email, "Name" => name, "Status" => status,
        "State" => state, "JoinedMethod" => joined_method, "JoinedTimestamp" => joined_timestamp,
    }
    PolicySummary {
        "Id" => id, "Arn" => arn, "Name" => name, "Description" => description,
        "AwsManaged" => aws_managed,
    }
}
to_json!(
    enum aws_sdk_organizations::types::AccountStatus,
    enum aws_sdk_organizations::types::AccountState,
    enum aws_sdk_organizations::types::AccountJoinedMethod,
);

/// Calls that mean "this account cannot see an organization", which is a
/// fact about the account, not a failure to record.
const NOT_IN_ORGANIZATION: &[&str] = &["AWSOrganizationsNotInUseException"];

async fn members(scope: Scope<'_>) -> Result<(), CallError> {
    let client = Client::new(&scope.config());
    let organization = match scope
        .call(
            "DescribeOrganization",
            client.describe_organization().send(),
        )
        .await
    {
        Ok(output) => output,
        Err(error) if NOT_IN_ORGANIZATION.contains(&error.code.as_str()) => return Ok(()),
        Err(error) => return Err(error),
    };
    let management = organization
        .organization()
        .and_then(|o| o.master_account_id())
        .unwrap_or_default()
        .to_owned();
    let pages = match scope
        .pages(
            "ListAccounts",
            client.list_accounts().into_paginator().send(),
        )
        .await
    {
        Ok(pages) => pages,
        // A member account that is no delegated administrator cannot see
        // the organization's accounts or SCPs: a fact about where parapet
        // runs (the management account's scan covers them), not a gap.
        Err(error) if management != scope.account.id && error.code.starts_with("AccessDenied") => {
            return Ok(());
        }
        Err(error) => return Err(error),
    };
    let mut inherited: HashMap<String, Vec<Value>> = HashMap::new();
    for member in pages.iter().flat_map(|p| p.accounts()) {
        let Some(id) = member.id() else { continue };
        // SCPs never bind the management account: it is no member to guard.
        if id == management {
            continue;
        }
        let policies = policies_in_force(&scope, &client, id, &mut inherited).await?;
        let mut configuration = member.to_json().unwrap_or_default();
        // AWS retires `Status` for `State`; older readers still look for it.
        if let Value::Object(fields) = &mut configuration
            && !fields.contains_key("Status")
            && let Some(state) = member.state()
        {
            let status = if state.as_str() == "ACTIVE" {
                "ACTIVE"
            } else {
                "SUSPENDED"
            };
            fields.insert("Status".to_owned(), Value::String(status.to_owned()));
        }
        let mut item = scope.item(MEMBER, id, Some(configuration));
        item.resource_name = member.name().map(str::to_owned);
        item.supplementary_configuration
            .insert("EffectivePolicies".to_owned(), Value::Array(policies));
        scope.add(item);
    }
    Ok(())
}

/// The SCPs attached to `target` and to every parent up to the root; each
/// parent's are read once.
async fn policies_in_force(
    scope: &Scope<'_>,
    client: &Client,
    target: &str,
    inherited: &mut HashMap<String, Vec<Value>>,
) -> Result<Vec<Value>, CallError> {
    let mut policies = attached(scope, client, target).await?;
    let mut child = target.to_owned();
    // Organizations nest at most five OUs deep under the root.
    for _ in 0..8 {
        let parents = scope
            .call("ListParents", client.list_parents().child_id(&child).send())
            .await?;
        let Some(parent) = parents.parents().first().and_then(|p| p.id()) else {
            break;
        };
        if !inherited.contains_key(parent) {
            let own = attached(scope, client, parent).await?;
            inherited.insert(parent.to_owned(), own);
        }
        policies.extend(inherited[parent].iter().cloned());
        if parent.starts_with("r-") {
            break;
        }
        child = parent.to_owned();
    }
    policies.sort_by(|a, b| {
        a.get("Id")
            .map(Value::to_string)
            .cmp(&b.get("Id").map(Value::to_string))
    });
    policies.dedup();
    Ok(policies)
}

async fn attached(
    scope: &Scope<'_>,
    client: &Client,
    target: &str,
) -> Result<Vec<Value>, CallError> {
    let pages = scope
        .pages(
            "ListPoliciesForTarget",
            client
                .list_policies_for_target()
                .target_id(target)
                .filter(PolicyType::ServiceControlPolicy)
                .into_paginator()
                .send(),
        )
        .await?;
    Ok(pages
        .iter()
        .flat_map(|p| p.policies())
        .filter_map(ToJson::to_json)
        .collect())
}

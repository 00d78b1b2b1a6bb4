//! Turning AWS SDK output into the JSON the AWS API itself returns.
//!
//! The SDK's types do not implement `Serialize`, and the snapshot keeps each
//! resource in the API's own field names (as the AWS CLI prints them), so the
//! mapping is spelled out per type with [`to_json!`]. Absent fields are left
//! out, as the API leaves them out.

use std::collections::HashMap;

use aws_smithy_types::DateTime;
use aws_smithy_types::date_time::Format;
use serde_json::{Map, Value};

/// A value the snapshot can hold, in the AWS API's JSON shape.
pub(crate) trait ToJson {
    /// `None` when the API would leave the field out.
    fn to_json(&self) -> Option<Value>;
}

impl ToJson for str {
    /// An empty string is left out: some APIs (and moto) send `""` where AWS
    /// means "none", and checks read presence (an Elastic IP's
    /// `AssociationId`, an instance's `PublicIpAddress`) as a fact.
    fn to_json(&self) -> Option<Value> {
        (!self.is_empty()).then(|| Value::String(self.to_owned()))
    }
}

impl ToJson for String {
    fn to_json(&self) -> Option<Value> {
        self.as_str().to_json()
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Option<Value> {
        Some(Value::Bool(*self))
    }
}

macro_rules! number_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Option<Value> {
                Some(Value::from(*self))
            }
        }
    )*};
}
number_to_json!(i32, i64, u32, u64, f32, f64);

impl ToJson for DateTime {
    fn to_json(&self) -> Option<Value> {
        // RFC 3339, as the AWS CLI prints timestamps; a date the SDK cannot
        // format would be a bug in the response, so it is left out, not faked.
        self.fmt(Format::DateTime).ok().map(Value::String)
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self) -> Option<Value> {
        (**self).to_json()
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Option<Value> {
        self.as_ref().and_then(ToJson::to_json)
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self) -> Option<Value> {
        Some(Value::Array(
            self.iter().filter_map(ToJson::to_json).collect(),
        ))
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Option<Value> {
        self.as_slice().to_json()
    }
}

impl<V: ToJson> ToJson for HashMap<String, V> {
    fn to_json(&self) -> Option<Value> {
        let mut sorted: Vec<_> = self.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        Some(Value::Object(
            sorted
                .into_iter()
                .filter_map(|(k, v)| v.to_json().map(|v| (k.clone(), v)))
                .collect(),
        ))
    }
}

impl ToJson for Value {
    fn to_json(&self) -> Option<Value> {
        Some(self.clone())
    }
}

/// Builds a JSON object from `"Name" => value` pairs, leaving out absent values.
pub(crate) fn object<const N: usize>(fields: [(&str, Option<Value>); N]) -> Value {
    let mut map = Map::new();
    for (name, value) in fields {
        if let Some(value) = value {
            map.insert(name.to_owned(), value);
        }
    }
    Value::Object(map)
}

/// Implements [`ToJson`] for SDK types.
///
/// `to_json!(Type { "ApiName" => getter, ... })` maps each getter's value to
/// the API's field name; `to_json!(enum Type, ...)` maps SDK enums through
/// their wire string.
macro_rules! to_json {
    ($(enum $t:ty),+ $(,)?) => {$(
        impl $crate::json::ToJson for $t {
            fn to_json(&self) -> Option<serde_json::Value> {
                Some(serde_json::Value::String(self.as_str().to_owned()))
            }
        }
    )+};
    ($($t:ty { $($name:literal => $getter:ident),* $(,)? })+) => {$(
        // Deprecated fields are still what older readers look for.
        #[allow(deprecated)]
        impl $crate::json::ToJson for $t {
            fn to_json(&self) -> Option<serde_json::Value> {
                Some($crate::json::object([
                    $(($name, $crate::json::ToJson::to_json(&self.$getter()))),*
                ]))
            }
        }
    )+};
}
pub(crate) use to_json;

/// Tags as the snapshot keeps them: key to value.
pub(crate) fn tag_map<'a>(
    pairs: impl IntoIterator<Item = (Option<&'a str>, Option<&'a str>)>,
) -> std::collections::BTreeMap<String, String> {
    pairs
        .into_iter()
        .filter_map(|(k, v)| Some((k?.to_owned(), v.unwrap_or_default().to_owned())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Rule {
        cidr: Option<String>,
        ports: Vec<i32>,
        when: Option<DateTime>,
    }
    impl Rule {
        fn cidr(&self) -> Option<&str> {
            self.cidr.as_deref()
        }
        fn ports(&self) -> &[i32] {
            &self.ports
        }
        fn when(&self) -> Option<&DateTime> {
            self.when.as_ref()
        }
    }
    to_json!(Rule { "CidrIp" => cidr, "Ports" => ports, "When" => when });

    #[test]
    fn absent_fields_are_left_out_and_dates_are_rfc3339() {
        let rule = Rule {
            cidr: Some(String::new()),
            ports: vec![22, 3389],
            when: Some(DateTime::from_secs(1_700_000_000)),
        };
        assert_eq!(
            rule.to_json().unwrap(),
            serde_json::json!({"Ports": [22, 3389], "When": "2023-11-14T22:13:20Z"})
        );
    }
}

//! The migration rule every Trellis contract applies: only the same contract, at the same or a
//! newer version. A downgrade could read storage written by a layout it does not know, and a
//! foreign contract's storage means nothing to ours. Pure: the caller reads and writes cw2.
use cw2::ContractVersion;
use thiserror::Error;

/// A refused migration, with what is stored and what was offered.
#[derive(Error, Debug, PartialEq, Eq, Clone)]
#[error("cannot migrate from {from_name} {from_version} to {to_name} {to_version}")]
pub struct MigrationRefused {
    pub from_name: String,
    pub from_version: String,
    pub to_name: String,
    pub to_version: String,
}

/// Accepts `stored` -> (`name`, `version`) only for the same name and a version that is not
/// lower (semver); unparsable versions are refused.
pub fn check_migration(
    stored: &ContractVersion,
    name: &str,
    version: &str,
) -> Result<(), MigrationRefused> {
    let refuse = || MigrationRefused {
        from_name: stored.contract.clone(),
        from_version: stored.version.clone(),
        to_name: name.to_string(),
        to_version: version.to_string(),
    };
    if stored.contract != name {
        return Err(refuse());
    }
    let from: semver::Version = stored.version.parse().map_err(|_| refuse())?;
    let to: semver::Version = version.parse().map_err(|_| refuse())?;
    if from > to {
        return Err(refuse());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(contract: &str, version: &str) -> ContractVersion {
        ContractVersion {
            contract: contract.to_string(),
            version: version.to_string(),
        }
    }

    #[test]
    fn same_or_newer_versions_of_the_same_contract_pass() {
        assert_eq!(check_migration(&stored("a", "0.1.0"), "a", "0.1.0"), Ok(()));
        assert_eq!(check_migration(&stored("a", "0.1.0"), "a", "0.2.0"), Ok(()));
        // semver, not string order: 0.10.0 is newer than 0.9.0.
        assert_eq!(
            check_migration(&stored("a", "0.9.0"), "a", "0.10.0"),
            Ok(())
        );
    }

    #[test]
    fn downgrades_foreign_contracts_and_bad_versions_are_refused() {
        let refused = |from: (&str, &str), to: (&str, &str)| MigrationRefused {
            from_name: from.0.to_string(),
            from_version: from.1.to_string(),
            to_name: to.0.to_string(),
            to_version: to.1.to_string(),
        };
        assert_eq!(
            check_migration(&stored("a", "0.2.0"), "a", "0.1.0"),
            Err(refused(("a", "0.2.0"), ("a", "0.1.0")))
        );
        assert_eq!(
            check_migration(&stored("b", "0.1.0"), "a", "0.1.0"),
            Err(refused(("b", "0.1.0"), ("a", "0.1.0")))
        );
        assert_eq!(
            check_migration(&stored("a", "one"), "a", "0.1.0"),
            Err(refused(("a", "one"), ("a", "0.1.0")))
        );
    }
}

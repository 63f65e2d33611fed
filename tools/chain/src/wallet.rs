//! Keys: a mnemonic and an account index give a secp256k1 key on the Cosmos path
//! m/44'/118'/0'/0/{index} (what `wasmd keys add` derives for index 0).
use anyhow::{anyhow, Context, Result};
use bip32::{DerivationPath, Language, Mnemonic, XPrv};
use cosmrs::crypto::secp256k1::SigningKey;
use cosmrs::AccountId;

pub struct Wallet {
    key: SigningKey,
    pub address: AccountId,
    /// The account's number and next sequence, once read from the chain.
    pub(crate) account: Option<(u64, u64)>,
}

impl Wallet {
    /// The key at `index` of `mnemonic`, with addresses of prefix `prefix` ("wasm" on wasmd).
    pub fn from_mnemonic(mnemonic: &str, index: u32, prefix: &str) -> Result<Self> {
        let phrase = Mnemonic::new(mnemonic.trim(), Language::English)
            .map_err(|e| anyhow!("not a BIP-39 mnemonic: {e}"))?;
        let path: DerivationPath = format!("m/44'/118'/0'/0/{index}")
            .parse()
            .map_err(|e| anyhow!("derivation path: {e}"))?;
        let xprv = XPrv::derive_from_path(phrase.to_seed(""), &path)
            .map_err(|e| anyhow!("deriving the key: {e}"))?;
        let key = SigningKey::from_slice(&xprv.private_key().to_bytes())
            .map_err(|e| anyhow!("secp256k1 key: {e}"))?;
        let address = key
            .public_key()
            .account_id(prefix)
            .map_err(|e| anyhow!("address with prefix {prefix}: {e}"))
            .context("deriving the address")?;
        Ok(Self {
            key,
            address,
            account: None,
        })
    }

    pub fn key(&self) -> &SigningKey {
        &self.key
    }

    pub fn addr(&self) -> String {
        self.address.to_string()
    }
}

/**
 * API keys and who may do what. Keys are HTTP Basic {@code key:secret} pairs; only salted
 * PBKDF2 hashes of secrets are stored. A JAX-RS filter authenticates, the resources authorise
 * through {@link dlcs.security.control.Caller}. The first administrator key comes from
 * configuration or is generated on first start into the data directory.
 */
package dlcs.security;

/**
 * Customers, spaces and images, and immediate registration. The JAX-RS resources in
 * {@code boundary} only translate (JSON in, Hydra out, access checks); {@code control} holds the
 * stores (short transactions) and {@link dlcs.registration.control.ImageRegistrar}, which fetches
 * and builds the derivative outside any transaction and records the result in one short one, so
 * that a failure leaves nothing half done. Listings take the DLCS's asset query
 * ({@link dlcs.registration.control.ImageQuery}); many images are read, deleted or changed at once
 * by {@link dlcs.registration.control.BulkImages}, through the single-image code in one transaction.
 */
package dlcs.registration;

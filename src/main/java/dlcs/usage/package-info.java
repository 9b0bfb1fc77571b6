/**
 * Storage usage and quotas, as the DLCS has them: how many images each customer and space
 * stores and the bytes of their derivatives and thumbnails, and storage policies that limit a
 * customer. The figures are kept by ingest itself ({@link dlcs.usage.control.UsageLedger}, called
 * in the transaction that records or deletes a derivative), moved only by SQL increments under
 * the customer's row lock, so that no request ever scans storage and concurrent ingests neither
 * lose an update nor overshoot a limit. Registration calls into this feature; it knows nothing
 * of images, only of customers, spaces and byte counts.
 */
package dlcs.usage;

/**
 * Fetching masters from where institutions keep them, once, safely: schemes and addresses are
 * checked before connecting and on every redirect, and size and time are bounded while
 * streaming, because tenants choose the URLs the server fetches.
 */
package dlcs.origin;

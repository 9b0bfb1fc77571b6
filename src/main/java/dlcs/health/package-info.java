/**
 * Whether the server is alive and ready, for MicroProfile Health: the checks are CDI beans that
 * the server runs at its health paths ({@code /health/live}, {@code /health/ready}; on WildFly
 * on the management interface, on Payara on the application's port). Readiness is the database,
 * the broker, the derivative store and the free disk of the data directory; liveness is that no
 * threads are deadlocked. A check reports figures an operator can act on (milliseconds, free
 * bytes, the kind of store) and never a secret, a path, a bucket, a host or an origin: on Payara
 * anyone who reaches the port reads them.
 */
package dlcs.health;

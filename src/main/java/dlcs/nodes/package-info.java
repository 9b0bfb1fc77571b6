/**
 * What makes one server a node among several on one database and one broker: its identity
 * ({@link dlcs.nodes.control.NodeIdentity}, the same {@code dlcs.node-id} that names its
 * transaction manager) and the news every node must hear at once ({@link
 * dlcs.nodes.control.Broadcast}): a committed change that makes what a node keeps in memory stale.
 * News travels on one topic that each node reads through a durable subscription of its own, sent
 * in the transaction of the change, so that it leaves exactly when the change commits and reaches
 * a node that was briefly away from the broker when it comes back. Features decide what their
 * news means; this package imports none of them.
 */
package dlcs.nodes;

package dlcs.metrics.control;

import dlcs.common.Cidr;
import java.util.List;

/**
 * Who may read the figures: a caller whose connection comes from one of the allowed networks
 * ({@code dlcs.metrics.allowed-networks}, loopback unless set), judged by the connection's own
 * address, never by a header. A request that a proxy forwarded (it carries {@code Forwarded} or
 * {@code X-Forwarded-For}) is refused whatever its address: a reverse proxy on the same machine
 * connects from loopback, and would otherwise hand the figures to anyone on the internet.
 */
public final class ScrapeAccess {

    /** The default: this machine only. */
    public static final String LOOPBACK = "127.0.0.0/8,::1/128";

    private final List<Cidr> allowed;

    private ScrapeAccess(List<Cidr> allowed) {
        this.allowed = allowed;
    }

    /**
     * The networks of a comma-separated list in CIDR form; IllegalStateException naming the key if
     * one is malformed, so that the deployment stops with the mistake rather than refusing every scrape.
     */
    public static ScrapeAccess of(String networks) {
        try {
            return new ScrapeAccess(Cidr.parseList(networks));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dlcs.metrics.allowed-networks: " + e.getMessage());
        }
    }

    /**
     * Why a caller at {@code remoteAddress} may not read the figures, or null if it may;
     * {@code forwarded} says whether the request carries a proxy's forwarding header.
     */
    public String refusal(String remoteAddress, boolean forwarded) {
        if (forwarded) {
            return "The metrics are not served through a proxy: scrape the server directly, from a network in"
                    + " dlcs.metrics.allowed-networks.";
        }
        if (!Cidr.anyContains(allowed, remoteAddress)) {
            return "The metrics are served only to the networks in dlcs.metrics.allowed-networks; ask the operator"
                    + " to add the scraper's network there.";
        }
        return null;
    }
}

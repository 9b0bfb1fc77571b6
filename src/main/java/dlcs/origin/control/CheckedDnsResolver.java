package dlcs.origin.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * HttpClient 5's resolver through the {@link NetworkRules}: a connection resolves its host here,
 * and goes only to the addresses the rules checked, so a name cannot answer one address when
 * checked and another when connected. Used by every http(s) fetch, redirects included, and by
 * the S3 client of a tenant's own endpoint (whose virtual-host addressing connects to
 * {@code <bucket>.<endpoint host>}, a name the tenant controls).
 */
final class CheckedDnsResolver implements DnsResolver {

    private final NetworkRules rules;

    CheckedDnsResolver(NetworkRules rules) {
        this.rules = rules;
    }

    /** A host name the network rules refused, as the exception a resolver may throw. */
    static final class RefusedHostException extends UnknownHostException {
        private final OriginException refusal;

        RefusedHostException(OriginException refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }

        OriginException refusal() {
            return refusal;
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return rules.check(host);
        } catch (OriginException e) {
            throw new RefusedHostException(e);
        }
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}

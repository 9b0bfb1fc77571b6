package dlcs.origin.control;

import dlcs.common.ConflictException;
import dlcs.common.InvalidInputException;
import dlcs.origin.control.OriginException.Fault;
import dlcs.origin.entity.S3AmbientGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The buckets and prefixes each customer may read with the server's own S3 identity
 * ({@code s3-ambient}), which only an administrator grants; and the check, at every fetch with
 * that strategy, that the object is within one of them. Without it, any tenant could read
 * whatever the server's identity can, other tenants' masters included.
 */
@ApplicationScoped
public class S3AmbientGrants extends CustomerRecords<S3AmbientGrant> {

    private static final int MAX_PREFIX = 1023;
    private static final int MAX_LISTED = 10;

    public S3AmbientGrants() {
        super(S3AmbientGrant.class, "S3 grant", "r.bucket, r.prefix");
    }

    /** Grants {@code customer} the objects of {@code bucket} under {@code prefix} (none: the whole bucket). */
    @Transactional
    public S3AmbientGrant create(long customer, String bucket, String prefix) {
        String name = bucket(bucket);
        String folder = prefix(prefix);
        Long taken = em.createQuery("select count(g) from S3AmbientGrant g where g.customer = :c and g.bucket = :b"
                        + " and g.prefix = :p", Long.class)
                .setParameter("c", customer).setParameter("b", name).setParameter("p", folder).getSingleResult();
        if (taken > 0) {
            throw new ConflictException("Customer " + customer + " already has the grant s3://" + name + "/" + folder
                    + ".");
        }
        S3AmbientGrant grant = new S3AmbientGrant(customer, name, folder);
        em.persist(grant);
        em.flush();
        return grant;
    }

    /**
     * Refuses, before anything connects, to read object {@code key} of {@code bucket} with the
     * server's identity for {@code customer} unless one of its grants covers it.
     */
    void requireGrant(long customer, String bucket, String key, String rule) {
        List<S3AmbientGrant> grants = list(customer, 0, Integer.MAX_VALUE);
        if (grants.stream().anyMatch(grant -> grant.covers(bucket, key))) {
            return;
        }
        String where = "/customers/" + customer + "/s3AmbientGrants";
        String origin = "s3://" + bucket + "/" + key;
        String strategy = "origin strategy " + rule + " (s3-ambient, the server's own S3 identity)";
        if (grants.isEmpty()) {
            throw new OriginException(Fault.REFUSED, "The origin " + origin + " would be read with " + strategy
                    + ", but customer " + customer + " has no S3 grant: only an administrator grants buckets or"
                    + " prefixes (" + where + "). Or use strategy s3-credentials with your own access key.");
        }
        String granted = grants.stream().limit(MAX_LISTED).map(grant -> grant.origins() + " (grant " + grant.id() + ")")
                .collect(Collectors.joining(", ")) + (grants.size() > MAX_LISTED ? ", ..." : "");
        throw new OriginException(Fault.REFUSED, "The origin " + origin + " would be read with " + strategy + ", but"
                + " it is within none of customer " + customer + "'s S3 grants: " + granted + ". Keys with . or .."
                + " segments are within none. Only an administrator grants buckets or prefixes (" + where + ").");
    }

    /** A bucket's name as S3 has them: 3 to 63 lower-case letters, digits, dots and hyphens. */
    static String bucket(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new InvalidInputException("A grant needs a \"bucket\": an S3 bucket name, 3 to 63 lower-case"
                    + " letters, digits, dots and hyphens, beginning and ending with a letter or digit.");
        }
        return name;
    }

    /**
     * A grant's prefix as a folder: none (the whole bucket), or segments joined and ended by
     * {@code /}, without empty, {@code .} or {@code ..} segments ({@code p} becomes {@code p/}).
     */
    static String prefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        String folder = prefix.endsWith("/") ? prefix : prefix + "/";
        String[] segments = folder.substring(0, folder.length() - 1).split("/", -1);
        boolean clean = folder.length() <= MAX_PREFIX;
        for (String segment : segments) {
            clean &= !segment.isEmpty() && !segment.equals(".") && !segment.equals("..");
        }
        if (!clean) {
            throw new InvalidInputException("A grant's \"prefix\" is a folder of the bucket, such as \"masters/2024/\":"
                    + " up to " + MAX_PREFIX + " characters, not starting with /, without empty, . or .. segments;"
                    + " leave it out to grant the whole bucket.");
        }
        return folder;
    }
}

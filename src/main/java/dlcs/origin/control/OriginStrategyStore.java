package dlcs.origin.control;

import dlcs.origin.entity.CustomerOriginStrategy;
import dlcs.origin.entity.Strategy;
import dlcs.common.ConflictException;
import dlcs.common.InvalidInputException;
import dlcs.security.control.AccessDeniedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A customer's origin strategies, and which one fetches a given origin: the first, by
 * {@code order} (then by creation), whose regex is found in the origin; none means
 * {@link Strategy#DEFAULT}. Regexes run on RE2 ({@link OriginPatterns}), in linear time.
 */
@ApplicationScoped
public class OriginStrategyStore extends CustomerRecords<CustomerOriginStrategy> {

    @Inject
    CredentialCipher cipher;

    @Inject
    @ConfigProperty(name = "dlcs.origin.max-regex-steps", defaultValue = "2000")
    long maxRegexSteps;

    private OriginPatterns patterns;

    /** A rule as a client gives it; {@code credentials} null keeps the stored ones (PUT of what GET showed). */
    public record Input(String regex, Strategy strategy, OriginCredentials credentials, Integer order) {
    }

    /** How an origin is fetched: the strategy, its credentials, and the rule that chose it (null: none did). */
    public record Match(Strategy strategy, OriginCredentials credentials, String rule) {
    }

    public OriginStrategyStore() {
        super(CustomerOriginStrategy.class, "origin strategy", "r.order, r.created, r.id");
    }

    @PostConstruct
    void start() {
        patterns = new OriginPatterns(maxRegexSteps);
    }

    /**
     * A new rule; {@code administrator}: whether the caller's key is an administrator's, as only
     * an administrator may give a customer {@link Strategy#S3_AMBIENT}.
     */
    @Transactional
    public CustomerOriginStrategy create(long customer, Input input, boolean administrator) {
        check(input);
        requireAllowed(customer, input.strategy(), null, administrator);
        if (input.strategy().takesCredentials() && input.credentials() == null) {
            throw new InvalidInputException("Strategy '" + input.strategy().label() + "' needs \"credentials\".");
        }
        requireFreeRegex(customer, input.regex(), null);
        int order = input.order() != null ? input.order()
                : em.createQuery("select coalesce(max(s.order), -1) from CustomerOriginStrategy s where s.customer = :c",
                        Integer.class).setParameter("c", customer).getSingleResult() + 1;
        CustomerOriginStrategy created = new CustomerOriginStrategy(customer, input.regex(), input.strategy(),
                seal(input.credentials()), order);
        em.persist(created);
        em.flush();
        return created;
    }

    /** PUT: everything is replaced; credentials left out (or sent back as "xxx") are kept if the strategy stays. */
    @Transactional
    public CustomerOriginStrategy replace(long customer, String id, Input input, boolean administrator) {
        CustomerOriginStrategy stored = get(customer, id);
        check(input);
        requireAllowed(customer, input.strategy(), stored.strategy(), administrator);
        String credentials;
        if (input.credentials() != null) {
            credentials = seal(input.credentials());
        } else if (!input.strategy().takesCredentials()) {
            credentials = null;
        } else if (input.strategy() == stored.strategy()) {
            credentials = stored.credentials();
        } else {
            throw new InvalidInputException("Strategy '" + input.strategy().label() + "' needs \"credentials\" (the"
                    + " stored ones were for '" + stored.strategy().label() + "').");
        }
        requireFreeRegex(customer, input.regex(), id);
        stored.change(input.regex(), input.strategy(), credentials,
                input.order() != null ? input.order() : stored.order());
        return stored;
    }

    /** The strategy that fetches {@code origin} for {@code customer}. */
    public Match match(long customer, String origin) {
        for (CustomerOriginStrategy rule : list(customer, 0, Integer.MAX_VALUE)) {
            if (patterns.found(rule.regex(), origin)) {
                OriginCredentials credentials = rule.credentials() == null ? OriginCredentials.none(rule.strategy())
                        : OriginCredentials.stored(rule.strategy(), cipher.decrypt(rule.credentials()));
                return new Match(rule.strategy(), credentials, rule.id());
            }
        }
        return new Match(Strategy.DEFAULT, OriginCredentials.none(Strategy.DEFAULT), null);
    }

    /**
     * A customer's key makes only strategies that carry the customer's own credentials (or none):
     * {@code s3-ambient} reads with the server's S3 identity, so only an administrator gives it.
     * A customer may still change the regex or order of one an administrator made.
     */
    private static void requireAllowed(long customer, Strategy wanted, Strategy stored, boolean administrator) {
        if (wanted == Strategy.S3_AMBIENT && stored != Strategy.S3_AMBIENT && !administrator) {
            throw new AccessDeniedException("Only an administrator may give a customer the strategy s3-ambient, which"
                    + " reads with the server's own S3 identity, and only within the buckets or prefixes granted at"
                    + " /customers/" + customer + "/s3AmbientGrants. Use s3-credentials with your own access key.");
        }
    }

    private void check(Input input) {
        if (input.regex() == null || input.regex().isEmpty()) {
            throw new InvalidInputException("An origin strategy needs a \"regex\" that origins are matched against,"
                    + " such as \"^s3://my-bucket/\".");
        }
        patterns.compile(input.regex());
        if (input.strategy() == null) {
            throw new InvalidInputException("An origin strategy needs a \"strategy\": one of " + names() + ".");
        }
        if (!input.strategy().takesCredentials() && input.credentials() != null && !input.credentials().isEmpty()) {
            throw new InvalidInputException("Strategy '" + input.strategy().label() + "' takes no credentials.");
        }
        if (input.credentials() != null && input.credentials().strategy() != input.strategy()) {
            throw new IllegalArgumentException("credentials checked for another strategy");
        }
    }

    private String seal(OriginCredentials credentials) {
        return credentials == null || credentials.isEmpty() ? null : cipher.encrypt(credentials.toJson());
    }

    private void requireFreeRegex(long customer, String regex, String except) {
        Long taken = em.createQuery("select count(s) from CustomerOriginStrategy s where s.customer = :c"
                        + " and s.regex = :r and s.id <> :x", Long.class)
                .setParameter("c", customer).setParameter("r", regex).setParameter("x", except == null ? "" : except)
                .getSingleResult();
        if (taken > 0) {
            throw new ConflictException("Customer " + customer + " already has an origin strategy with this regex;"
                    + " change that one (PUT) or use another regex.");
        }
    }

    static String names() {
        return String.join(", ", java.util.Arrays.stream(Strategy.values()).map(Strategy::label).toList());
    }
}

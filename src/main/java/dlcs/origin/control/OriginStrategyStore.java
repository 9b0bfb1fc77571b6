package dlcs.origin.control;

import dlcs.origin.entity.CustomerOriginStrategy;
import dlcs.origin.entity.Strategy;
import dlcs.common.ConflictException;
import dlcs.common.InvalidInputException;
import dlcs.common.UnknownResourceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A customer's origin strategies, and which one fetches a given origin: the first, by
 * {@code order} (then by creation), whose regex is found in the origin; none means
 * {@link Strategy#DEFAULT}.
 */
@ApplicationScoped
public class OriginStrategyStore {

    static final int MAX_REGEX = CustomerOriginStrategy.REGEX_LENGTH;
    private static final int MAX_PATTERNS = 10_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    CredentialCipher cipher;

    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    /** A rule as a client gives it; {@code credentials} null keeps the stored ones (PUT of what GET showed). */
    public record Input(String regex, Strategy strategy, OriginCredentials credentials, Integer order) {
    }

    /** How an origin is fetched: the strategy, its credentials, and the rule that chose it (null: none did). */
    public record Match(Strategy strategy, OriginCredentials credentials, String rule) {
    }

    public List<CustomerOriginStrategy> list(long customer, int first, int max) {
        return em.createQuery("select s from CustomerOriginStrategy s where s.customer = :c"
                        + " order by s.order, s.created, s.id", CustomerOriginStrategy.class)
                .setParameter("c", customer).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(long customer) {
        return em.createQuery("select count(s) from CustomerOriginStrategy s where s.customer = :c", Long.class)
                .setParameter("c", customer).getSingleResult();
    }

    public CustomerOriginStrategy get(long customer, String id) {
        CustomerOriginStrategy found = em.find(CustomerOriginStrategy.class, id);
        if (found == null || found.customer() != customer) {
            throw new UnknownResourceException("Customer " + customer + " has no origin strategy '" + id + "'.");
        }
        return found;
    }

    @Transactional
    public CustomerOriginStrategy create(long customer, Input input) {
        check(input);
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
    public CustomerOriginStrategy replace(long customer, String id, Input input) {
        CustomerOriginStrategy stored = get(customer, id);
        check(input);
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

    @Transactional
    public void delete(long customer, String id) {
        em.remove(get(customer, id));
    }

    /** The strategy that fetches {@code origin} for {@code customer}. */
    public Match match(long customer, String origin) {
        for (CustomerOriginStrategy rule : list(customer, 0, Integer.MAX_VALUE)) {
            if (pattern(rule.regex()).matcher(origin).find()) {
                OriginCredentials credentials = rule.credentials() == null ? OriginCredentials.none(rule.strategy())
                        : OriginCredentials.stored(rule.strategy(), cipher.decrypt(rule.credentials()));
                return new Match(rule.strategy(), credentials, rule.id());
            }
        }
        return new Match(Strategy.DEFAULT, OriginCredentials.none(Strategy.DEFAULT), null);
    }

    private void check(Input input) {
        if (input.regex() == null || input.regex().isEmpty()) {
            throw new InvalidInputException("An origin strategy needs a \"regex\" that origins are matched against,"
                    + " such as \"^s3://my-bucket/\".");
        }
        if (input.regex().length() > MAX_REGEX) {
            throw new InvalidInputException("regex is " + input.regex().length() + " characters long; at most "
                    + MAX_REGEX + " are allowed.");
        }
        pattern(input.regex());
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

    private Pattern pattern(String regex) {
        Pattern known = patterns.get(regex);
        if (known != null) {
            return known;
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException("The regex is not a valid Java regular expression: "
                    + e.getDescription() + " near index " + e.getIndex() + ".");
        }
        if (patterns.size() < MAX_PATTERNS) {
            patterns.put(regex, compiled);
        }
        return compiled;
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

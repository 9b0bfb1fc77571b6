package dlcs.namedquery.entity;

import dlcs.common.Text;
import dlcs.common.InvalidInputException;
import dlcs.persistence.DatabaseClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A customer's named query: a {@code name} that appears in public URLs
 * ({@code /iiif-resource/{customer}/{name}/{p1}/...}) and the {@code template} that says which
 * images it selects and in which order. A global one serves every customer under its name, unless
 * the customer has its own of that name. Its template is kept as written and parsed on use
 * ({@link QueryTemplate}); it is parsed before it is stored, so a stored one is well formed.
 */
@Entity
@Table(name = "NAMED_QUERY", uniqueConstraints = {
        @UniqueConstraint(name = "NAMED_QUERY_NAME", columnNames = {"CUSTOMER", "NAME"}),
        @UniqueConstraint(name = "NAMED_QUERY_GLOBAL_NAME", columnNames = {"GLOBAL_NAME"})})
public class NamedQuery {

    /** Column lengths, in characters; {@link #requireName} and {@link QueryTemplate} allow no more. */
    public static final int NAME_LENGTH = 100;
    public static final int TEMPLATE_LENGTH = QueryTemplate.MAX_LENGTH;

    private static final Pattern UNRESERVED = Pattern.compile("[A-Za-z0-9._~-]+");

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CUSTOMER", nullable = false)
    private long customer;

    @Column(name = "NAME", nullable = false, length = NAME_LENGTH)
    private String name;

    @Column(name = "TEMPLATE", nullable = false, length = TEMPLATE_LENGTH)
    private String template;

    @Column(name = "IS_GLOBAL", nullable = false)
    private boolean global;

    /** The name again when global, else null: the database keeps global names unique (nulls never clash). */
    @Column(name = "GLOBAL_NAME", length = NAME_LENGTH)
    private String globalName;

    @Column(nullable = false)
    private Instant created;

    @Version
    private long version;

    protected NamedQuery() {
    }

    /** A new query; a malformed name or template is a 400 that says what is wrong. */
    public NamedQuery(long customer, String name, String template, boolean global) {
        this.id = UUID.randomUUID().toString();
        this.customer = customer;
        this.name = requireName(name);
        QueryTemplate.parse(template);
        this.template = template;
        this.global = global;
        this.globalName = global ? name : null;
        this.created = DatabaseClock.now();
    }

    /**
     * {@code candidate} if it can be a query's name: 1 to {@value #NAME_LENGTH} characters of
     * RFC 3986 unreserved ({@code A-Z a-z 0-9 - . _ ~}), not {@code .} or {@code ..}, because it
     * is a segment of public URLs.
     */
    public static String requireName(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            throw new InvalidInputException("A named query needs a \"name\", the path segment of its public URLs:"
                    + " 1 to " + NAME_LENGTH + " characters of A-Z a-z 0-9 - . _ ~");
        }
        if (candidate.length() > NAME_LENGTH || !UNRESERVED.matcher(candidate).matches()
                || candidate.equals(".") || candidate.equals("..")) {
            throw new InvalidInputException("The name '" + Text.printable(candidate) + "' must be 1 to "
                    + NAME_LENGTH + " characters of A-Z a-z 0-9 - . _ ~ (RFC 3986 unreserved, so that it is safe"
                    + " in a URL), and not '.' or '..'.");
        }
        return candidate;
    }

    /** The template is replaced by {@code newTemplate}; a malformed one is a 400 and changes nothing. */
    public void changeTemplate(String newTemplate) {
        QueryTemplate.parse(newTemplate);
        this.template = newTemplate;
    }

    /** The template, parsed. */
    public QueryTemplate parsedTemplate() {
        return QueryTemplate.parse(template);
    }

    public String id() {
        return id;
    }

    public long customer() {
        return customer;
    }

    public String name() {
        return name;
    }

    public String template() {
        return template;
    }

    public boolean global() {
        return global;
    }

    public Instant created() {
        return created;
    }
}

package dlcs.origin.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in ways of fetching an origin. A customer origin strategy picks one of these for
 * the origins its regex matches, and gives the credentials it needs.
 */
public enum Strategy {

    /** Anonymous http, https, ftp or ftps. */
    DEFAULT("default", "anonymous http, https, ftp or ftps", Set.of("http", "https", "ftp", "ftps"),
            List.of(), List.of()),
    /** http or https with HTTP Basic authentication. */
    BASIC_HTTP("basic-http-authentication", "http or https with HTTP Basic authentication",
            Set.of("http", "https"), List.of("user", "password"), List.of()),
    /** S3 with the server's own configured credentials ({@code dlcs.origin.s3.*}). */
    S3_AMBIENT("s3-ambient", "s3://bucket/key with the server's own S3 credentials", Set.of("s3"),
            List.of(), List.of()),
    /** S3 with the customer's access key, and optionally its own endpoint and region. */
    S3_CREDENTIALS("s3-credentials", "s3://bucket/key with the customer's access key", Set.of("s3"),
            List.of("accessKey", "secretKey"), List.of("endpoint", "region", "pathStyle")),
    /** ftp or ftps with a user name and password. */
    FTP_CREDENTIALS("ftp-credentials", "ftp or ftps with a user name and password", Set.of("ftp", "ftps"),
            List.of("user", "password"), List.of()),
    /** sftp with a user name and a password or a private key. */
    SFTP("sftp", "sftp with a user name and a password or a private key", Set.of("sftp"),
            List.of("user"), List.of("password", "privateKey", "passphrase", "hostKey"));

    private final String label;
    private final String description;
    private final Set<String> schemes;
    private final List<String> requiredFields;
    private final List<String> optionalFields;

    Strategy(String label, String description, Set<String> schemes, List<String> requiredFields,
             List<String> optionalFields) {
        this.label = label;
        this.description = description;
        this.schemes = schemes;
        this.requiredFields = requiredFields;
        this.optionalFields = optionalFields;
    }

    /** The name the API uses. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The origin schemes it fetches. */
    public Set<String> schemes() {
        return schemes;
    }

    /** The credential fields it needs. */
    public List<String> requiredFields() {
        return requiredFields;
    }

    /** The credential fields it also accepts. */
    public List<String> optionalFields() {
        return optionalFields;
    }

    /** Whether it takes credentials at all. */
    public boolean takesCredentials() {
        return !requiredFields.isEmpty() || !optionalFields.isEmpty();
    }

    /**
     * The strategy a client names, by its name or by the URL of its resource
     * ({@code .../originStrategies/sftp}), as DLCS clients send it.
     */
    public static Optional<Strategy> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String last = name.trim().replaceFirst("/+$", "");
        last = last.substring(last.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String wanted = last;
        return Arrays.stream(values()).filter(strategy -> strategy.label.equals(wanted)).findFirst();
    }
}

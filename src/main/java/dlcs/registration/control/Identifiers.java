package dlcs.registration.control;

import dlcs.common.InvalidInputException;
import dlcs.common.Text;
import dlcs.registration.entity.Customer;
import dlcs.registration.entity.Image;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Rules for names in paths: image ids are 1 to 220 characters of RFC 3986 "unreserved"
 * ({@code A-Z a-z 0-9 - . _ ~}) and not {@code .} or {@code ..}, so that they are safe in
 * URLs and as file names; customer names follow the same rule, without dots.
 */
public final class Identifiers {

    public static final int MAX_IMAGE_ID = Image.IMAGE_ID_LENGTH;
    public static final int MAX_CUSTOMER_NAME = Customer.NAME_LENGTH;
    private static final Pattern UNRESERVED = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern CUSTOMER_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (MAX_CUSTOMER_NAME - 1) + "}");

    private Identifiers() {
    }

    public static String imageId(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            throw new InvalidInputException("The image id is empty; give 1 to " + MAX_IMAGE_ID
                    + " characters of A-Z a-z 0-9 - . _ ~");
        }
        if (candidate.length() > MAX_IMAGE_ID) {
            throw new InvalidInputException("The image id is " + candidate.length() + " characters long; at most "
                    + MAX_IMAGE_ID + " are allowed.");
        }
        if (!UNRESERVED.matcher(candidate).matches()) {
            throw new InvalidInputException("The image id '" + printable(candidate) + "' may only contain"
                    + " A-Z a-z 0-9 - . _ ~ (RFC 3986 unreserved characters; no slashes, spaces or percent-escapes).");
        }
        if (candidate.equals(".") || candidate.equals("..")) {
            throw new InvalidInputException("The image id may not be '.' or '..'.");
        }
        return candidate;
    }

    /**
     * The id a client gave, checked, or a new UUID when it gave none: a registration without an
     * id gets one, immediate or queued alike, as the DLCS mints them.
     */
    public static String imageIdOrMinted(String given) {
        return given != null ? imageId(given) : UUID.randomUUID().toString();
    }

    public static String customerName(String candidate) {
        if (candidate == null || !CUSTOMER_NAME.matcher(candidate).matches()) {
            throw new InvalidInputException("The customer name '" + printable(String.valueOf(candidate))
                    + "' must be 1 to " + MAX_CUSTOMER_NAME + " characters of a-z 0-9 - _, starting with a letter or digit.");
        }
        if (candidate.chars().allMatch(Character::isDigit)) {
            throw new InvalidInputException("The customer name may not be all digits: paths take either the"
                    + " customer's number or its name.");
        }
        return candidate;
    }

    /** The candidate with control characters escaped, safe to quote in an error. */
    static String printable(String candidate) {
        return Text.printable(candidate);
    }
}

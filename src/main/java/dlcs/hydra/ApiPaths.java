package dlcs.hydra;

/**
 * Paths of API resources that more than one feature links to: an image names its batch, a
 * customer its queue, although {@code registration} may not import {@code ingest}. One place
 * spells them, so that a link and the resource it points to cannot drift apart.
 */
public final class ApiPaths {

    private ApiPaths() {
    }

    public static String customer(long customer) {
        return "/customers/" + customer;
    }

    public static String queue(long customer) {
        return customer(customer) + "/queue";
    }

    public static String batch(long customer, long batch) {
        return queue(customer) + "/batches/" + batch;
    }
}

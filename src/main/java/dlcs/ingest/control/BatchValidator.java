package dlcs.ingest.control;

import dlcs.origin.control.NetworkRules;
import dlcs.origin.control.OriginFetcher;
import dlcs.origin.control.OriginException;
import dlcs.common.InvalidInputException;
import dlcs.registration.control.SpaceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a whole batch before anything is stored: its size, unique ids, spaces of this
 * customer, and origins that are well formed and allowed. A submission and its dry run
 * ({@code ?dryRun=true}) both ask {@link #problems}: the submission is refused if it finds any,
 * the dry run lists them.
 */
@ApplicationScoped
public class BatchValidator {

    @Inject
    SpaceStore spaces;

    @Inject
    @ConfigProperty(name = "dlcs.queue.max-batch-size", defaultValue = "1000")
    int maxBatchSize;

    @Inject
    OriginFetcher origins;

    public void checkSize(int members) {
        if (members == 0) {
            throw new InvalidInputException("The batch has no members: give \"member\": [ {\"id\": ..., \"space\": ...,"
                    + " \"origin\": ...}, ... ].");
        }
        if (members > maxBatchSize) {
            throw new InvalidInputException("The batch has " + members + " members; at most " + maxBatchSize
                    + " are accepted in one batch (dlcs.queue.max-batch-size): split it.");
        }
    }

    /** At most how many members one batch may have; clients split larger ones. */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /**
     * Everything wrong with {@code members} (null entries, members that could not be read, are
     * passed over), in member order: ids twice in a space, spaces this customer does not have,
     * missing origins and origins the network rules refuse. Every member is checked; each
     * space and each host is looked up once.
     */
    public List<MemberProblem> problems(long customer, List<QueuedImage> members) {
        checkSize(members.size());
        List<MemberProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<Integer, Boolean> knownSpaces = new HashMap<>();
        Map<String, String> hostRefusals = new HashMap<>();
        NetworkRules rules = origins.rules();
        for (int index = 0; index < members.size(); index++) {
            QueuedImage member = members.get(index);
            if (member == null) {
                continue;
            }
            String id = member.imageId();
            Integer earlier = seen.putIfAbsent(member.space() + "/" + id, index);
            if (earlier != null) {
                problems.add(new MemberProblem(index, id, "id", "The id '" + id + "' appears twice in space "
                        + member.space() + " (member " + earlier + " has it too); ids must be unique within a space."));
            }
            if (!knownSpaces.computeIfAbsent(member.space(), number -> spaces.find(customer, number).isPresent())) {
                problems.add(new MemberProblem(index, id, "space", "Customer " + customer + " has no space "
                        + member.space() + "."));
            }
            String refusal = originRefusal(rules, member.metadata().origin(), hostRefusals);
            if (refusal != null) {
                problems.add(new MemberProblem(index, id, "origin", refusal));
            }
        }
        return problems;
    }

    /** Why {@code origin} cannot be queued, or null if it can. */
    private static String originRefusal(NetworkRules rules, String origin, Map<String, String> hostRefusals) {
        if (origin == null) {
            return "It has no origin: give the URL the image is fetched from.";
        }
        try {
            URI uri = rules.parse(origin);
            String refusal = OriginFetcher.checkedHost(uri)
                    .map(checked -> hostRefusals.computeIfAbsent(checked, host -> refusal(rules, host)))
                    .orElse("");
            return refusal.isEmpty() ? null : refusal;
        } catch (OriginException e) {
            return e.getMessage();
        }
    }

    private static String refusal(NetworkRules rules, String host) {
        try {
            rules.check(host);
            return "";
        } catch (OriginException e) {
            return e.fault() == OriginException.Fault.REFUSED ? e.getMessage() : "";
        }
    }
}

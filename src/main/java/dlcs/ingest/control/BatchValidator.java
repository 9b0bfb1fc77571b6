package dlcs.ingest.control;

import dlcs.origin.control.NetworkRules;
import dlcs.origin.control.OriginFetcher;
import dlcs.origin.control.OriginException;
import dlcs.common.InvalidInputException;
import dlcs.registration.control.SpaceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a whole batch before anything is stored: its size, unique ids, spaces of this
 * customer, and origins that are well formed and allowed. The first bad member rejects the
 * batch with a message naming it.
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

    public void check(long customer, List<QueuedImage> members) {
        checkSize(members.size());
        Set<String> seen = new HashSet<>();
        Map<Integer, Boolean> knownSpaces = new HashMap<>();
        Map<String, String> hostRefusals = new HashMap<>();
        NetworkRules rules = origins.rules();
        int index = 0;
        for (QueuedImage member : members) {
            String name = "Member " + index + " (id '" + member.imageId() + "')";
            if (!seen.add(member.space() + "/" + member.imageId())) {
                throw new InvalidInputException(name + " appears twice in the batch; ids must be unique within a space.");
            }
            if (!knownSpaces.computeIfAbsent(member.space(), number -> spaces.find(customer, number).isPresent())) {
                throw new InvalidInputException(name + ": customer " + customer + " has no space " + member.space() + ".");
            }
            String origin = member.metadata().origin();
            if (origin == null) {
                throw new InvalidInputException(name + " has no origin.");
            }
            try {
                URI uri = rules.parse(origin);
                String refusal = OriginFetcher.checkedHost(uri)
                        .map(checked -> hostRefusals.computeIfAbsent(checked, host -> refusal(rules, host)))
                        .orElse("");
                if (!refusal.isEmpty()) {
                    throw new InvalidInputException(name + ": " + refusal);
                }
            } catch (OriginException e) {
                throw new InvalidInputException(name + ": " + e.getMessage());
            }
            index++;
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

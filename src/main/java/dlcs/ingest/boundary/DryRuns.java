package dlcs.ingest.boundary;

import dlcs.common.InvalidInputException;
import dlcs.common.Jsons;
import dlcs.common.Text;
import dlcs.hydra.Hydra;
import dlcs.ingest.control.MemberProblem;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The dry run of a batch ({@code POST .../queue?dryRun=true}): the batch checked as a
 * submission checks it, and what was found told member by member, with nothing stored or
 * queued. The portal checks a batch this way before it sends it, so that the rules live in the
 * server alone.
 */
final class DryRuns {

    private DryRuns() {
    }

    /** Whether {@code dryRun} (the query parameter, absent as null) asks for a dry run. */
    static boolean requested(String dryRun) {
        if (dryRun == null || dryRun.equals("false")) {
            return false;
        }
        if (dryRun.equals("true") || dryRun.isEmpty()) {
            return true;
        }
        throw new InvalidInputException("dryRun must be true or false, not '" + Text.printable(dryRun) + "'.");
    }

    /** The problems found reading the members and checking them, in member order (reading's first). */
    static List<MemberProblem> merged(List<MemberProblem> read, List<MemberProblem> checked) {
        List<MemberProblem> all = new ArrayList<>(read.size() + checked.size());
        all.addAll(read);
        all.addAll(checked);
        all.sort(Comparator.comparingInt(MemberProblem::member));
        return all;
    }

    /**
     * What a dry run answers: how many members were checked, for which queue, whether the batch
     * would be accepted, and each problem with its member's place in the batch.
     */
    static JsonObject report(String queue, int members, boolean priority, List<MemberProblem> problems) {
        JsonArrayBuilder errors = Jsons.array();
        for (MemberProblem problem : problems) {
            JsonObjectBuilder error = Jsons.object().add("member", problem.member());
            Hydra.addIfPresent(error, "id", problem.id() == null ? null : Text.printable(problem.id()));
            Hydra.addIfPresent(error, "field", problem.field());
            errors.add(error.add("detail", problem.detail()));
        }
        return Hydra.resource(queue, "BatchDryRun")
                .add("count", members)
                .add("priority", priority)
                .add("valid", problems.isEmpty())
                .add("errors", errors)
                .build();
    }
}

package dlcs.ingest.control;

import dlcs.common.Text;
import java.util.List;

/**
 * What is wrong with one member of a submitted batch: its place in the {@code member} array
 * (from 0), its id as given (null when it had none), the field at fault where one is (id, space,
 * origin), and a sentence that says what is wrong and how to put it right. A batch is checked
 * whole, so a client learns every bad member from one request.
 */
public record MemberProblem(int member, String id, String field, String detail) {

    /**
     * The 400 a submission with {@code problems} gets: the first in full, the number of the
     * others, and where to see each (a dry run lists them all).
     */
    public static String summary(List<MemberProblem> problems) {
        MemberProblem first = problems.get(0);
        long members = problems.stream().mapToInt(MemberProblem::member).distinct().count();
        String more = members > 1 ? " " + (members - 1) + (members == 2 ? " other member has" : " other members have")
                + " errors too; send the batch with ?dryRun=true to see every one." : "";
        return "Member " + first.member() + (first.id() != null ? " (id '" + Text.printable(first.id()) + "')" : "") + ": "
                + first.detail() + more;
    }
}

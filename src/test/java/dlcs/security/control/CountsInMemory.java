package dlcs.security.control;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Shared counts as the database keeps them (SignInFailures' statements), in memory, for nodes in one test. */
final class CountsInMemory implements SharedCounts {

    final Map<String, Counted> rows = new HashMap<>();
    /** Statements the database would have run. */
    int statements;
    /** Makes every call fail, as a database out of reach. */
    boolean away;

    @Override
    public synchronized Optional<Map<String, Counted>> read(List<String> names) {
        statement();
        return Optional.of(names.stream().filter(rows::containsKey).collect(Collectors.toMap(name -> name, rows::get)));
    }

    @Override
    public synchronized void failed(String name, Instant at, Instant restartBefore) {
        statement();
        rows.merge(name, new Counted(1, at), (counted, first) -> counted.last().isBefore(restartBefore) ? first
                : new Counted(counted.failures() + 1, at));
    }

    @Override
    public synchronized void forget(String name) {
        statement();
        rows.remove(name);
    }

    @Override
    public synchronized void sweep(Instant forgottenBefore, int keep) {
        statement();
        rows.values().removeIf(counted -> counted.last().isBefore(forgottenBefore));
        rows.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, Counted> row) -> row.getValue().last())
                        .reversed()).skip(keep).map(Map.Entry::getKey).toList().forEach(rows::remove);
    }

    private void statement() {
        if (away) {
            throw new IllegalStateException("the database is away");
        }
        statements++;
    }
}

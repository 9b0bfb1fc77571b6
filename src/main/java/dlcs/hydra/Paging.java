package dlcs.hydra;

import dlcs.common.InvalidInputException;

/** A page of a collection as asked for with {@code ?page=&pageSize=}: pages count from 1. */
public record Paging(int page, int pageSize) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 500;

    public static Paging parse(String page, String pageSize) {
        int number = parsePositive("page", page, 1, Integer.MAX_VALUE);
        int size = parsePositive("pageSize", pageSize, DEFAULT_SIZE, MAX_SIZE);
        return new Paging(number, size);
    }

    private static int parsePositive(String name, String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(name + " must be a whole number from 1 to " + max + ", not '" + value + "'.");
    }

    public int firstResult() {
        return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * pageSize);
    }

    public int totalPages(long totalItems) {
        return (int) Math.max(1, (totalItems + pageSize - 1) / pageSize);
    }
}

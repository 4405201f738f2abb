package dev.retort.bench.model;

/**
 * One revision of a linear history.
 *
 * @param number 1-based position; Flyway's version and the floor's step number
 * @param id     12 lower-case hex characters (Retort's revision id)
 * @param parent the previous revision's id, null for the first
 */
public record Revision(int number, String id, String parent, Step step) {

    public String message() {
        return step.describe();
    }

    /** {@code create_customer_00012}: lower case, digits and underscores only. */
    public String slug() {
        String s = message().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}

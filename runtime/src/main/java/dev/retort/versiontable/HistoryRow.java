package dev.retort.versiontable;

/** One row of the history table, as far as validation needs it. */
public record HistoryRow(String revision, String direction, String checksum) {

    public static final String UPGRADE = "upgrade";
    public static final String STAMP = "stamp";
    public static final String ACCEPT = "accept";

    /** Whether this row records the script text that is now applied (not a downgrade). */
    public boolean recordsAppliedText() {
        return UPGRADE.equals(direction) || STAMP.equals(direction) || ACCEPT.equals(direction);
    }
}

package dev.retort.versiontable;

/** One row of the history table, as far as validation needs it. */
public record HistoryRow(String revision, String direction, String checksum, String outcome) {

    public static final String UPGRADE = "upgrade";
    public static final String STAMP = "stamp";
    public static final String ACCEPT = "accept";

    /** Whether this row records the script text that is now applied (a completed upgrade, stamp or accept). */
    public boolean recordsAppliedText() {
        return HistoryTable.DONE.equals(outcome)
                && (UPGRADE.equals(direction) || STAMP.equals(direction) || ACCEPT.equals(direction));
    }

    /** A step that could not roll back and did not complete: the database may hold part of it. */
    public boolean isUnsettled() {
        return HistoryTable.RUNNING.equals(outcome) || HistoryTable.FAILED.equals(outcome);
    }
}

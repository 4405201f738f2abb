package dev.retort.plan;

import dev.retort.revision.InvalidTargetException;

/**
 * An offline range {@code start:end}. The start stands for the version table's rows, which offline mode cannot
 * read; an empty start or {@code base} means an empty table.
 */
record RevisionRange(String start, String end) {

    static RevisionRange parse(String text, String command) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new RevisionRange("", text);
        }
        String start = text.substring(0, colon);
        String end = text.substring(colon + 1);
        if (end.isEmpty() || end.indexOf(':') >= 0) {
            throw new InvalidTargetException(text, command + " with --sql requires <fromrev>:<torev>, got '" + text + "'");
        }
        return new RevisionRange(start, end);
    }

    boolean startsAtBase() {
        return start.isEmpty() || start.equals("base");
    }

    static boolean isRange(String text) {
        return text.indexOf(':') >= 0;
    }
}

package dev.retort.revision;

/** No revision id, unique id prefix or branch label matches. */
public final class UnknownRevisionException extends RevisionResolutionException {

    private UnknownRevisionException(String argument, String message) {
        super(argument, message);
    }

    /** An exact id lookup failed. */
    static UnknownRevisionException noSuchRevision(String id) {
        return new UnknownRevisionException(id, "No such revision '" + id + "'");
    }

    /** A lookup by id, prefix or label failed; short inputs get the hint that prefixes need four characters. */
    static UnknownRevisionException noSuchKey(String key) {
        return new UnknownRevisionException(key, "No such revision or branch '" + key + "'" + (key.length() < 4
                ? "; please ensure at least four characters are present for partial revision identifier matches"
                : ""));
    }
}

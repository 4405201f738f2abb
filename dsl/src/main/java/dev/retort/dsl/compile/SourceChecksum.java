package dev.retort.dsl.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum of a script's text, blind to what editors and git change without meaning to: a byte-order mark, CRLF
 * or CR line ends, and whitespace at the end of lines. The value carries its algorithm ({@code s1:} + SHA-256 hex), so
 * a later algorithm can be told apart from this one.
 */
public final class SourceChecksum {

    public static final String ALGORITHM_TAG = "s1:";

    private static final MessageDigest SHA_256 = sha256();

    private SourceChecksum() {
    }

    public static String of(String text) {
        return digest(isNormal(text) ? text : normalized(text));
    }

    /**
     * Most scripts have nothing to normalize: no mark, no CR, no whitespace at a line end. Only the character
     * before each line end (and the last) is looked at, as whitespace tests are not cheap.
     */
    private static boolean isNormal(String text) {
        if (text.startsWith("\uFEFF") || text.indexOf('\r') >= 0) {
            return false;
        }
        if (!text.isEmpty() && trailingWhitespace(text.charAt(text.length() - 1))) {
            return false;
        }
        for (int lineEnd = text.indexOf('\n'); lineEnd >= 0; lineEnd = text.indexOf('\n', lineEnd + 1)) {
            if (lineEnd > 0 && trailingWhitespace(text.charAt(lineEnd - 1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean trailingWhitespace(char c) {
        return c != '\n' && Character.isWhitespace(c);
    }

    private static String normalized(String text) {
        StringBuilder normalized = new StringBuilder(text.length());
        int from = text.startsWith("\uFEFF") ? 1 : 0;
        int end = text.length();
        while (from <= end) {
            int lineEnd = from;
            while (lineEnd < end && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            int trimmed = lineEnd;
            while (trimmed > from && Character.isWhitespace(text.charAt(trimmed - 1))) {
                trimmed--;
            }
            normalized.append(text, from, trimmed);
            if (lineEnd == end) {
                break;
            }
            normalized.append('\n');
            from = lineEnd + (text.charAt(lineEnd) == '\r' && lineEnd + 1 < end && text.charAt(lineEnd + 1) == '\n' ? 2 : 1);
        }
        return normalized.toString();
    }

    private static String digest(String normalized) {
        try {
            // a clone of one instance: looking the algorithm up per script cost more than hashing a small script
            byte[] digest = ((MessageDigest) SHA_256.clone()).digest(normalized.getBytes(StandardCharsets.UTF_8));
            return ALGORITHM_TAG + HexFormat.of().formatHex(digest);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

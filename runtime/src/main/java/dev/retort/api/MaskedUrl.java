package dev.retort.api;

import java.util.regex.Pattern;

/** JDBC URLs and messages as they may be shown: passwords replaced by {@code ****}, wherever they appear. */
public final class MaskedUrl {

    private static final Pattern PARAM = Pattern.compile("(?i)((?:password|pwd|passwd|secret)=)[^&;:?\\s]*");
    private static final Pattern USERINFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]+@");

    private MaskedUrl() {
    }

    /** The URL with any password parameter or {@code user:password@} part masked. */
    public static String of(String url) {
        if (url == null) {
            return null;
        }
        String masked = PARAM.matcher(url).replaceAll("$1****");
        return USERINFO.matcher(masked).replaceAll("$1****@");
    }

    /** A message with the URL masked and any literal occurrence of the password removed. */
    public static String scrub(String text, String password) {
        if (text == null) {
            return null;
        }
        String scrubbed = of(text);
        if (password != null && password.length() >= 3) {
            scrubbed = scrubbed.replace(password, "****");
        }
        return scrubbed;
    }
}

package dev.retort.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JDBC URLs and messages as they may be shown: passwords replaced by {@code ****}, wherever they appear. */
public final class MaskedUrl {

    /** In a URL on its own, a password parameter's value runs to the next parameter: it may hold ':' or '?'. */
    private static final Pattern URL_PARAM = Pattern.compile("(?i)((?:password|pwd|passwd|secret)=)([^&;\\s]*)");
    /** In a message, a URL is often followed by ': reason'; the value stops at ':' so the reason survives. */
    private static final Pattern TEXT_PARAM = Pattern.compile("(?i)((?:password|pwd|passwd|secret)=)[^&;:?\\s]*");
    private static final Pattern USERINFO = Pattern.compile("(//[^/:@\\s]+:)([^@/\\s]+)@");

    private MaskedUrl() {
    }

    /** The URL with any password parameter or {@code user:password@} part masked. */
    public static String of(String url) {
        return mask(url, URL_PARAM);
    }

    /** A message with URLs masked and any literal occurrence of the password removed. */
    public static String scrub(String text, String password) {
        return scrub(text, password == null ? List.of() : List.of(password));
    }

    /** A message with URLs masked and any literal occurrence of each secret removed. */
    public static String scrub(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        // the known secrets first: masking a URL in the text may cut one short at a ':' and leave its rest
        String scrubbed = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 3) {
                scrubbed = scrubbed.replace(secret, "****");
            }
        }
        return mask(scrubbed, TEXT_PARAM);
    }

    /**
     * The passwords written into a URL ({@code password=…} parameters, {@code user:password@}), so that callers can
     * also remove them where a message repeats them without the URL around them.
     */
    public static List<String> secretsIn(String url) {
        List<String> secrets = new ArrayList<>();
        if (url != null) {
            for (Pattern pattern : List.of(URL_PARAM, USERINFO)) {
                Matcher m = pattern.matcher(url);
                while (m.find()) {
                    if (!m.group(2).isEmpty()) {
                        secrets.add(m.group(2));
                    }
                }
            }
        }
        return secrets;
    }

    private static String mask(String text, Pattern param) {
        if (text == null) {
            return null;
        }
        String masked = param.matcher(text).replaceAll("$1****");
        return USERINFO.matcher(masked).replaceAll("$1****@");
    }
}

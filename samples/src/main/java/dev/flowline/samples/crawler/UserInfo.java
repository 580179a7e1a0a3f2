package dev.flowline.samples.crawler;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The user-info of a URL ({@code http://user:password@host/}): credentials, so the crawler never keeps nor prints
 * them. A URL it keeps is normalized, which drops them ({@link UrlNormalizer}); a text quoting a URL as it came (an
 * error message, a redirect's target) shows them as {@code ***}. A seed's are sent to its origin (HTTP Basic).
 *
 * @param user     the user name, percent-decoded
 * @param password the password, percent-decoded; empty when the URL gives none
 */
public record UserInfo(String user, String password) {

    /** {@code scheme://} then user-info up to its last {@code @} before the host: what {@link #redacted} hides. */
    private static final Pattern IN_TEXT = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)[^/?#\\s'\"<>]*@");

    /** The user-info of {@code url}, if it has any. */
    static Optional<UserInfo> of(String url) {
        String text = url.strip();
        int scheme = text.indexOf("://");
        if (scheme < 0) {
            return Optional.empty();
        }
        int start = scheme + 3;
        int end = start;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        int at = text.lastIndexOf('@', end - 1);
        if (at < start) {
            return Optional.empty();
        }
        String info = text.substring(start, at);
        int colon = info.indexOf(':');
        return Optional.of(colon < 0 ? new UserInfo(decoded(info), "")
                : new UserInfo(decoded(info.substring(0, colon)), decoded(info.substring(colon + 1))));
    }

    /** {@code text} with the user-info of every URL in it replaced by {@code ***}. */
    public static String redacted(String text) {
        return text == null || text.indexOf('@') < 0 ? text : IN_TEXT.matcher(text).replaceAll("$1***@");
    }

    /** Never the credentials themselves. */
    @Override
    public String toString() {
        return "***";
    }

    /** Percent-decoded; a '+' stays a '+' (this is not a form), a malformed escape stays as it is. */
    private static String decoded(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return part;
        }
    }
}

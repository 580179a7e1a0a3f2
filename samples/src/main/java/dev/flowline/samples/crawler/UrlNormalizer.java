package dev.flowline.samples.crawler;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts absolute http(s) URLs in one canonical form, so that two spellings of the same resource are one entry of the
 * seen set: scheme and host in lower case, user-info ({@link UserInfo}) and default ports dropped, dot segments removed, an empty path as {@code /},
 * the fragment dropped, and percent-encoding normalized (hex digits upper case, unreserved characters decoded,
 * characters that may not appear raw encoded as UTF-8).
 *
 * <pre>{@code
 * UrlNormalizer.normalize("HTTP://Example.COM:80/a/./b/../c%7e?q=%2f#top")   // "http://example.com/a/c~?q=%2F"
 * }</pre>
 *
 * <p>Hand-written rather than {@link java.net.URI}, which rejects much of what pages really contain (spaces,
 * {@code |}, raw non-ASCII).
 */
public final class UrlNormalizer {

    /** URLs longer than this are refused: nothing legitimate needs them, and traps generate them. */
    static final int MAX_LENGTH = 2_048;

    private static final String HEX = "0123456789ABCDEF";

    private UrlNormalizer() {}

    /**
     * The canonical form of {@code url}.
     *
     * @throws IllegalArgumentException naming the URL and what is wrong with it
     */
    public static String normalize(String url) {
        if (url == null || url.isBlank()) {
            throw new Refused("the URL is empty");
        }
        String trimmed = url.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new Refused("'" + abbreviate(trimmed) + "' is longer than " + MAX_LENGTH + " characters");
        }
        // RFC 3986, appendix B, by hand: a regular expression here was a tenth of the crawler's CPU.
        int schemeEnd = indexOfAny(trimmed, ":/?#", 0);
        if (schemeEnd <= 0 || trimmed.charAt(schemeEnd) != ':') {
            throw new Refused("'" + trimmed + "' is not an absolute URL");
        }
        String scheme = trimmed.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("'" + trimmed + "' is " + scheme + ", not http or https");
        }
        int fragment = trimmed.indexOf('#', schemeEnd);
        int end = fragment < 0 ? trimmed.length() : fragment;
        int authorityEnd = schemeEnd + 1;
        String authority = null;
        if (trimmed.startsWith("//", schemeEnd + 1)) {
            authorityEnd = indexOfAny(trimmed, "/?#", schemeEnd + 3);
            authorityEnd = authorityEnd < 0 ? trimmed.length() : authorityEnd;
            authority = trimmed.substring(schemeEnd + 3, authorityEnd);
        }
        if (authority == null || authority.isEmpty()) {
            throw new Refused("'" + trimmed + "' has no host");
        }
        int queryStart = trimmed.indexOf('?', authorityEnd);
        queryStart = queryStart < 0 || queryStart > end ? -1 : queryStart;
        StringBuilder out = new StringBuilder(trimmed.length() + 8).append(scheme).append("://");
        appendAuthority(out, scheme, authority, trimmed);
        appendPathAndQuery(out, trimmed.substring(authorityEnd, queryStart < 0 ? end : queryStart),
                queryStart < 0 ? null : trimmed.substring(queryStart + 1, end));
        return out.toString();
    }

    /**
     * Appends {@code path} and {@code query} (null for none) in canonical form to {@code out}, which holds a canonical
     * {@code scheme://authority}: for links relative to a normalized page, whose origin needs no normalizing again.
     */
    static void appendPathAndQuery(StringBuilder out, String path, String query) {
        String canonicalPath = removeDotSegments(encode(path, false));
        out.append(canonicalPath.isEmpty() ? "/" : canonicalPath);
        if (query != null && !query.isEmpty()) {
            out.append('?').append(encode(query, true));
        }
    }

    /**
     * The canonical form of {@code url}, or null when it has none (not http(s), no host, too long...): for the links
     * of a page, many of which are refused, where a refusal is no error.
     */
    static String normalizeOrNull(String url) {
        try {
            return normalize(url);
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }

    /**
     * A refused URL. Without a stack trace: pages are full of links that are refused (mailto:, javascript:, hosts
     * that are no hosts), and filling in the parse stage's deep reactive stack for each cost more than the rest.
     */
    private static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static int indexOfAny(String text, String characters, int from) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static void appendAuthority(StringBuilder out, String scheme, String authority, String url) {
        int at = authority.lastIndexOf('@'); // user-info is dropped: credentials are no part of a URL the crawler keeps
        String hostPort = authority.substring(at + 1);
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new Refused("'" + url + "' has an unclosed IPv6 address");
            }
            host = hostPort.substring(0, close + 1).toLowerCase(Locale.ROOT);
            if (close + 1 < hostPort.length()) {
                if (hostPort.charAt(close + 1) != ':') {
                    throw new Refused("'" + url + "' has a bad host '" + hostPort + "'");
                }
                port = hostPort.substring(close + 2);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
            host = asciiHost(host, url);
        }
        if (host.isEmpty()) {
            throw new Refused("'" + url + "' has no host");
        }
        out.append(host);
        if (port != null && !port.isEmpty()) {
            if (!isPort(port)) {
                throw new Refused("'" + url + "' has a bad port '" + port + "'");
            }
            int number = Integer.parseInt(port);
            boolean isDefault = scheme.equals("http") ? number == 80 : number == 443;
            if (!isDefault) {
                out.append(':').append(number);
            }
        }
    }

    /** One to five digits, at most 65,535. */
    private static boolean isPort(String port) {
        if (port.length() > 5) {
            return false;
        }
        for (int i = 0; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return Integer.parseInt(port) <= 65_535;
    }

    private static String asciiHost(String host, String url) {
        String ascii;
        if (isPlainAsciiHost(host)) {
            ascii = host.toLowerCase(Locale.ROOT); // what IDN.toASCII returns for it, without its cost on every link
        } else {
            try {
                ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException notAHost) {
                throw new Refused("'" + url + "' has a bad host '" + host + "'");
            }
        }
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_')) {
                throw new Refused("'" + url + "' has a bad host '" + host + "'");
            }
        }
        return ascii;
    }

    /** Labels of 1 to 63 letters, digits, '-' or '_', a trailing '.' allowed: those IDN.toASCII leaves as they are. */
    private static boolean isPlainAsciiHost(String host) {
        int label = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                if (label == 0) {
                    return false;
                }
                label = 0;
            } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
                if (++label > 63) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * Percent-encoding in one form: {@code %xx} upper case, unreserved characters decoded, anything that may not
     * appear raw (space, quotes, non-ASCII...) encoded as UTF-8, and a {@code %} that starts no escape encoded.
     */
    private static String encode(String part, boolean query) {
        StringBuilder out = null;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            String replacement = null;
            if (c == '%' && i + 2 < part.length() && isHex(part.charAt(i + 1)) && isHex(part.charAt(i + 2))) {
                int value = Character.digit(part.charAt(i + 1), 16) * 16 + Character.digit(part.charAt(i + 2), 16);
                replacement = isUnreserved((char) value) ? String.valueOf((char) value) : "%" + HEX.charAt(value >> 4) + HEX.charAt(value & 15);
                if (out == null) {
                    out = new StringBuilder(part.length()).append(part, 0, i);
                }
                out.append(replacement);
                i += 2;
                continue;
            }
            if (!allowedRaw(c, query)) {
                if (out == null) {
                    out = new StringBuilder(part.length() + 16).append(part, 0, i);
                }
                int end = Character.isHighSurrogate(c) && i + 1 < part.length() ? i + 2 : i + 1;
                for (byte b : part.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX.charAt((b >> 4) & 15)).append(HEX.charAt(b & 15));
                }
                i = end - 1;
                continue;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? part : out.toString();
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** Unreserved, sub-delims, ':' '@' '/' (and '?' in a query) may appear raw (RFC 3986, 3.3 and 3.4). */
    private static boolean allowedRaw(char c, boolean query) {
        return isUnreserved(c) || "!$&'()*+,;=:@/".indexOf(c) >= 0 || query && c == '?';
    }

    /** RFC 3986, 5.2.4, on a path with no dot segments hiding behind percent-encoding left (they were decoded). */
    private static String removeDotSegments(String path) {
        if (!path.contains(".")) {
            return path;
        }
        List<String> output = new ArrayList<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    output.add("");
                }
            } else if (segment.equals("..")) {
                if (!output.isEmpty()) {
                    output.remove(output.size() - 1);
                }
                if (last) {
                    output.add("");
                }
            } else {
                output.add(segment);
            }
        }
        return output.isEmpty() ? "/" : "/" + String.join("/", output);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}

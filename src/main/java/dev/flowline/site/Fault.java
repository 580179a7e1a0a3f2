package dev.flowline.site;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A way the {@link LocalSite} misbehaves on purpose. Every fault can be requested directly at its {@link #path()}
 * ({@code /fault/503}, {@code /fault/reset}, ...), applied to every path under a prefix with
 * {@link LocalSite.Builder#fault(String, Fault)}, or applied to a seeded fraction of the pages with
 * {@link LocalSite.Builder#faultRate(double, Fault...)}.
 *
 * <pre>{@code
 * fetcher.get(site.url(Fault.TOO_MANY_REQUESTS));   // 429 with Retry-After: 1
 * }</pre>
 */
public enum Fault {
    /** 500 Internal Server Error. */
    SERVER_ERROR("500"),
    /** 503 Service Unavailable with {@code Retry-After: 1}. */
    UNAVAILABLE("503"),
    /** 429 Too Many Requests with {@code Retry-After: 1}. */
    TOO_MANY_REQUESTS("429"),
    /** 302 to {@code /redirect/chain/3}, which redirects three more times, alternating absolute and relative Locations, to a page. */
    REDIRECT_CHAIN("redirect-chain"),
    /** 302 into {@code /redirect/loop/0}, which redirects to {@code /redirect/loop/1}, which redirects back. */
    REDIRECT_LOOP("redirect-loop"),
    /** 302 whose Location is not a URL ({@code http://[bad}). */
    INVALID_REDIRECT("redirect-invalid"),
    /** 302 without a Location header. */
    REDIRECT_WITHOUT_LOCATION("redirect-no-location"),
    /** 302 to an {@code ftp://} URL. */
    REDIRECT_TO_FTP("redirect-ftp"),
    /** Waits the fault delay (30 s unless set) before sending anything. */
    SLOW_FIRST_BYTE("slow"),
    /** Sends the headers and half the body, then waits the fault delay before the rest. */
    STALLED_BODY("stall"),
    /** Sends the headers and half the body, then resets the connection (TCP RST). */
    RESET_MID_BODY("reset"),
    /** 200 with an HTML page cut off in the middle of a tag (Content-Length matches what is sent). */
    TRUNCATED_HTML("truncated"),
    /** 200 with malformed HTML: unclosed and misnested tags, unquoted attributes, stray angle brackets. */
    BROKEN_HTML("broken-html"),
    /** 200 with random bytes as {@code application/octet-stream}. */
    BINARY("binary"),
    /** 200 with a small PDF-like document as {@code application/pdf}. */
    PDF("pdf"),
    /** 200 with random bytes labelled {@code text/html}. */
    WRONG_CONTENT_TYPE("wrong-type"),
    /** 200 with a page encoded with {@code Content-Encoding: gzip}, whatever the request accepts. */
    GZIP("gzip"),
    /** 200 with a page encoded with {@code Content-Encoding: deflate} (zlib), whatever the request accepts. */
    DEFLATE("deflate"),
    /** 200 with a small gzip body that decodes to 64 MiB: a decompression bomb. */
    GZIP_BOMB("gzip-bomb"),
    /** 200 with a body of the oversized length (64 MiB unless set), declared in Content-Length. */
    OVERSIZED("oversized"),
    /** 200 with a body of the oversized length, chunked, so a client only finds out while reading. */
    OVERSIZED_CHUNKED("oversized-chunked");

    private final String slug;

    Fault(String slug) {
        this.slug = slug;
    }

    /** The path that always answers with this fault, like {@code /fault/503}. */
    public String path() {
        return "/fault/" + slug;
    }

    /** The short name used in {@link #path()} and on the command line, like {@code 503} or {@code reset}. */
    public String slug() {
        return slug;
    }

    /**
     * The fault with this slug or enum name, case-insensitively.
     *
     * @throws IllegalArgumentException naming {@code name} and the known faults when there is none
     */
    public static Fault named(String name) {
        String wanted = name.trim();
        for (Fault fault : values()) {
            if (fault.slug.equalsIgnoreCase(wanted) || fault.name().equalsIgnoreCase(wanted)) {
                return fault;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + name + "': use one of "
                + Arrays.stream(values()).map(Fault::slug).collect(Collectors.joining(", ")));
    }

    /** The fault whose {@link #slug()} is exactly {@code slug}, or null. */
    static Fault bySlug(String slug) {
        return Arrays.stream(values()).filter(fault -> fault.slug.equals(slug)).findFirst().orElse(null);
    }
}

package dev.flowline.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks the URLs a fetch is asked for and the Locations it is redirected to. */
final class Urls {

    private Urls() {}

    /**
     * The absolute http(s) URI of {@code url}, without its fragment (never sent).
     *
     * @throws FetchFailure {@link FetchOutcome#BAD_URL} or {@link FetchOutcome#UNSUPPORTED_SCHEME}
     */
    static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new FetchFailure(FetchOutcome.BAD_URL, "the URL is empty");
        }
        URI uri;
        try {
            uri = new URI(withoutFragment(url.strip()));
        } catch (URISyntaxException e) {
            throw new FetchFailure(FetchOutcome.BAD_URL, "'" + url + "' is not a URL: " + e.getReason());
        }
        if (!uri.isAbsolute()) {
            throw new FetchFailure(FetchOutcome.BAD_URL, "'" + url + "' is not absolute: it has no scheme");
        }
        return checked(uri, url, FetchOutcome.BAD_URL);
    }

    /**
     * Where a redirect from {@code base} to {@code location} goes.
     *
     * @throws FetchFailure {@link FetchOutcome#BAD_RESPONSE} or {@link FetchOutcome#UNSUPPORTED_SCHEME}
     */
    static URI resolve(URI base, String location) {
        URI target;
        try {
            target = base.resolve(new URI(withoutFragment(location.strip())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchFailure(FetchOutcome.BAD_RESPONSE, "redirect to '" + location + "', which is not a URL");
        }
        return checked(target, location, FetchOutcome.BAD_RESPONSE);
    }

    /** The form under which a URL counts as visited: absolute, no fragment, an empty path as "/". */
    static String key(URI uri) {
        String text = uri.toString();
        return uri.getRawPath() == null || uri.getRawPath().isEmpty()
                ? text.replaceFirst("^([^/]*//[^/?]*)", "$1/")
                : text;
    }

    /** The origin of an http(s) URI, the unit credentials are sent to: {@code scheme://host:port}, the port always given. */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static URI checked(URI uri, String original, FetchOutcome whenNoHost) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchFailure(FetchOutcome.UNSUPPORTED_SCHEME, "'" + original + "' is " + scheme + ", not http or https");
        }
        if (uri.getHost() == null) {
            throw new FetchFailure(whenNoHost, "'" + original + "' has no valid host");
        }
        return uri;
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}

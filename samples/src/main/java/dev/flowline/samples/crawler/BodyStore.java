package dev.flowline.samples.crawler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Saves page bodies under one directory. A file's name comes from a hash of its URL, never from the URL's text,
 * so no URL (with {@code ..}, slashes, odd characters or a huge length) can name a file outside the directory:
 * {@code <dir>/ab/ab12cd34ef567890.html}.
 */
final class BodyStore {
    private final Path root;

    BodyStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bodies directory '" + root + "': " + e.getMessage(), e);
        }
    }

    /** Writes {@code body} for {@code url}; returns its path relative to the directory. */
    String save(String url, String contentType, byte[] body) {
        String name = HexFormat.of().toHexDigits(UrlHash.of(url));
        Path file = root.resolve(name.substring(0, 2)).resolve(name + extension(contentType));
        if (!file.normalize().startsWith(root)) {
            throw new IllegalStateException("refusing to write outside " + root + ": " + file); // cannot happen: hex names
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the body of " + url + " to " + file + ": " + e.getMessage(), e);
        }
        return root.relativize(file).toString();
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "text/html", "application/xhtml+xml" -> ".html";
            case "application/xml", "text/xml" -> ".xml";
            case "text/plain" -> ".txt";
            case "application/json" -> ".json";
            case "application/pdf" -> ".pdf";
            default -> ".bin";
        };
    }
}

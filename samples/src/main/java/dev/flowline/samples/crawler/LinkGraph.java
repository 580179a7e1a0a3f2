package dev.flowline.samples.crawler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who links to what, compactly: each edge is the 64-bit hash of its target and the index of its source page,
 * 12 bytes an edge, so a link checker can name every page that links to a broken URL without holding every link
 * as text. Thread-safe.
 */
final class LinkGraph {
    private final List<String> sources = new ArrayList<>();
    private long[] targets = new long[1024];
    private int[] sourceOf = new int[1024];
    private int edges;

    /** Records that {@code source} links to each of {@code links}. */
    synchronized void add(String source, List<String> links) {
        int index = sources.size();
        sources.add(source);
        if (edges + links.size() > targets.length) {
            int capacity = Math.max(targets.length * 2, edges + links.size());
            targets = Arrays.copyOf(targets, capacity);
            sourceOf = Arrays.copyOf(sourceOf, capacity);
        }
        for (String link : links) {
            targets[edges] = UrlHash.of(link);
            sourceOf[edges] = index;
            edges++;
        }
    }

    /** For each of {@code urls}, the pages linking to it, in crawl order. */
    synchronized Map<String, List<String>> linkingTo(Set<String> urls) {
        Map<Long, String> byHash = urls.stream().collect(Collectors.toMap(UrlHash::of, url -> url, (a, b) -> a));
        Map<String, List<String>> linking = new LinkedHashMap<>();
        urls.forEach(url -> linking.put(url, new ArrayList<>()));
        for (int i = 0; i < edges; i++) {
            String target = byHash.get(targets[i]);
            if (target != null) {
                linking.get(target).add(sources.get(sourceOf[i]));
            }
        }
        return linking;
    }
}

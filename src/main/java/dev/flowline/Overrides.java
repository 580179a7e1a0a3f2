package dev.flowline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Settings that change a pipeline without changing its code, keyed by pipeline and stage name:
 *
 * <pre>
 * flowline.crawl.mode=VIRTUAL             # the execution mode
 * flowline.crawl.threads=64               # THREADS mode's pool size
 * flowline.crawl.fetch.concurrency=512    # a stage's concurrency
 * flowline.crawl.fetch.timeout=5s         # a stage's timeout
 * flowline.crawl.store.kind=BLOCKING_IO   # a stage's kind
 * </pre>
 *
 * Every key under {@code flowline.<pipeline>.} must be one of these, name a stage of the pipeline and carry a good
 * value, or the run does not start and the error names the key and the value.
 */
final class Overrides {
    private static final String PREFIX = "flowline.";
    static final List<String> STAGE_SETTINGS = List.of("concurrency", "timeout", "kind");

    private final Map<String, String> values;
    private final Map<String, String> origins;

    private Overrides(Map<String, String> values, Map<String, String> origins) {
        this.values = values;
        this.origins = origins;
    }

    static Overrides none() {
        return new Overrides(Map.of(), Map.of());
    }

    /**
     * Takes from {@code properties} (read from {@code origin}) every key under {@code flowline.<pipeline>.}; a key
     * outside {@code flowline.} is an error when {@code strict} (a Flowline settings file holds nothing else).
     */
    Overrides with(Properties properties, String origin, String pipeline, boolean strict) {
        Map<String, String> merged = new TreeMap<>(values);
        Map<String, String> mergedOrigins = new TreeMap<>(origins);
        String own = PREFIX + pipeline + ".";
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(own)) {
                merged.put(key.substring(own.length()), properties.getProperty(key).trim());
                mergedOrigins.put(key.substring(own.length()), origin + ", key '" + key + "'");
            } else if (strict && !key.startsWith(PREFIX)) {
                throw new FlowlineException("unknown key '" + key + "' in " + origin + ": keys start with '"
                        + own + "'");
            }
        }
        return new Overrides(merged, mergedOrigins);
    }

    /** The configured mode, or {@code declared}. */
    Mode mode(Mode declared) {
        return value("mode", declared, text -> parseEnum(Mode.class, text));
    }

    /** The configured pool size, or {@code declared}. */
    int threads(int declared) {
        return value("threads", declared, text -> {
            int threads = parseInt(text);
            if (threads < 1 || threads > 100_000) {
                throw new FlowlineException("must be between 1 and 100000");
            }
            return threads;
        });
    }

    /** {@code stage} with its configured kind, concurrency and timeout. */
    Stage<Object, Object> apply(Stage<Object, Object> stage) {
        Stage<Object, Object> kinded = value(stage.name + ".kind", stage,
                text -> stage.asKind(parseEnum(Kind.class, text)));
        Stage<Object, Object> bounded = value(stage.name + ".concurrency", kinded,
                text -> kinded.concurrency(parseInt(text)));
        return value(stage.name + ".timeout", bounded, text -> bounded.timeout(Durations.parse(text)));
    }

    /** Fails, naming the key, on any key that is not a known setting of a known stage. */
    void checkKeys(String pipeline, List<String> stageNames) {
        for (String key : values.keySet()) {
            if (key.equals("mode") || key.equals("threads")) {
                continue;
            }
            int dot = key.lastIndexOf('.');
            String stage = dot < 0 ? key : key.substring(0, dot);
            String setting = dot < 0 ? "" : key.substring(dot + 1);
            if (dot < 0 || stage.contains(".")) {
                throw new FlowlineException("unknown setting in " + origins.get(key) + ": use flowline." + pipeline
                        + ".mode, flowline." + pipeline + ".threads or flowline." + pipeline + ".<stage>."
                        + String.join("|", STAGE_SETTINGS));
            }
            if (!stageNames.contains(stage)) {
                throw new FlowlineException("unknown stage '" + stage + "' in " + origins.get(key) + ": pipeline '"
                        + pipeline + "' has stages " + stageNames);
            }
            if (!STAGE_SETTINGS.contains(setting)) {
                throw new FlowlineException("unknown setting '" + setting + "' in " + origins.get(key)
                        + ": a stage's settings are " + STAGE_SETTINGS);
            }
        }
    }

    private <T> T value(String key, T declared, Function<String, T> parse) {
        String text = values.get(key);
        if (text == null) {
            return declared;
        }
        try {
            return parse.apply(text);
        } catch (FlowlineException e) {
            throw new FlowlineException("bad value '" + text + "' in " + origins.get(key) + ": " + e.getMessage(), e);
        }
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new FlowlineException("expected a whole number");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            throw new FlowlineException("expected one of " + names);
        }
    }
}

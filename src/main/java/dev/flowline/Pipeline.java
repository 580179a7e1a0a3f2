package dev.flowline;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Scheduler;

/**
 * A named chain of {@link Stage stages}, runnable under any {@link Mode}. Immutable: each method returns a new
 * pipeline, so one definition can be run many times, in different modes, concurrently.
 *
 * <pre>{@code
 * Pipeline<String, Integer> pipeline = Pipeline.<String>named("example")
 *         .then(Stage.async("fetch", url -> client.get(url)).concurrency(64))
 *         .then(Stage.cpu("parse", Html::parse))
 *         .then(Stage.blocking("store", db::save).concurrency(16).onError(ErrorPolicy.SKIP));
 *
 * RunReport report = pipeline.mode(Mode.VIRTUAL).run(Flux.fromIterable(urls)).await();
 * }</pre>
 *
 * <p>Settings can be overridden without code changes, from {@link #configure(Path) a properties file} and from
 * system properties (which win), keyed by pipeline and stage name:
 * {@code -Dflowline.example.mode=THREADS -Dflowline.example.fetch.concurrency=256}. A bad key or value fails
 * {@link #run} with a message that names it.
 *
 * @param <I> what the pipeline takes
 * @param <O> what the pipeline outputs
 */
public final class Pipeline<I, O> {
    /** THREADS mode's pool size unless set: a classic servlet container's default. */
    public static final int DEFAULT_THREADS = 200;

    private final String name;
    private final List<Object> steps;
    private final RunOptions options;

    private Pipeline(String name, List<Object> steps, RunOptions options) {
        this.name = name;
        this.steps = List.copyOf(steps);
        this.options = options;
    }

    /** An empty pipeline called {@code name}, ready for its first stage. */
    public static <T> Pipeline<T, T> named(String name) {
        return new Pipeline<>(Stage.checkName(name), List.of(), RunOptions.defaults());
    }

    /** This pipeline followed by {@code stage}, whose name must be new to the pipeline. */
    public <R> Pipeline<I, R> then(Stage<? super O, R> stage) {
        Objects.requireNonNull(stage, "stage");
        return new Pipeline<>(name, append(stage.name(), stage), options);
    }

    /**
     * This pipeline followed by a step that groups its outputs into lists of up to {@code size}, emitting a shorter
     * list when {@code maxWait} passes first: for a next stage that works in bulk (a batch insert, say).
     */
    public Pipeline<I, List<O>> batch(String stepName, int size, Duration maxWait) {
        return new Pipeline<>(name, append(stepName, new BatchSpec(stepName, size, maxWait)), options);
    }

    /** The same pipeline, run in {@code mode} unless configuration overrides it. REACTIVE by default. */
    public Pipeline<I, O> mode(Mode mode) {
        return with(options.withMode(Objects.requireNonNull(mode, "mode")));
    }

    /** The size of THREADS mode's platform pool ({@value #DEFAULT_THREADS} by default). */
    public Pipeline<I, O> threads(int threads) {
        if (threads < 1 || threads > 100_000) {
            throw new FlowlineException("pipeline '" + name + "': threads must be between 1 and 100000, got " + threads);
        }
        return with(options.withThreads(threads));
    }

    /**
     * Where stages with {@link ErrorPolicy#DEAD_LETTER} send the elements they give up on. Called on the thread
     * where the element failed, which may be an event loop: keep it quick and non-blocking. If it throws, the
     * element is counted as skipped and the sink's error is recorded.
     */
    public Pipeline<I, O> deadLetters(Consumer<? super DeadLetter> sink) {
        return with(options.withDeadLetters(Objects.requireNonNull(sink, "sink")));
    }

    /** Applies the settings in {@code properties} for this pipeline (keys {@code flowline.<name>.…}). */
    public Pipeline<I, O> configure(Properties properties) {
        return with(options.withOverrides(options.overrides().with(properties, "the given properties", name, false)));
    }

    /** Applies the settings in the properties file {@code file}; any key outside {@code flowline.} is an error. */
    public Pipeline<I, O> configure(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new FlowlineException("cannot read settings file '" + file + "': " + e.getMessage(), e);
        }
        return with(options.withOverrides(options.overrides().with(properties, file.toString(), name, true)));
    }

    /** The same pipeline, recording a sample of each stage's work in {@code timeline} whenever it runs. */
    public Pipeline<I, O> recordTimeline(Timeline timeline) {
        return with(options.withTimeline(Objects.requireNonNull(timeline, "timeline")));
    }

    /**
     * The same pipeline, reporting for each stage how often its virtual threads blocked while pinned to their
     * carrier (from JFR's {@code jdk.VirtualThreadPinned} events, in VIRTUAL mode). Starting JFR costs the run a
     * few hundred milliseconds and a few threads, so it is off unless asked for.
     */
    public Pipeline<I, O> reportPinning() {
        return with(options.withPinningReported());
    }

    /**
     * The same pipeline, with every scheduler a stage hops to wrapped by {@code decorator} — to time them, for
     * instance, with reactor-core-micrometer's {@code Micrometer.timedScheduler} (see
     * {@code dev.flowline.micrometer.FlowlineMeters}).
     */
    public Pipeline<I, O> decorateSchedulers(UnaryOperator<Scheduler> decorator) {
        return with(options.withSchedulerDecorator(Objects.requireNonNull(decorator, "decorator")));
    }

    private Pipeline<I, O> with(RunOptions newOptions) {
        return new Pipeline<>(name, steps, newOptions);
    }

    /** The pipeline's name. */
    public String name() {
        return name;
    }

    /** The names of the pipeline's steps, in order. */
    public List<String> stageNames() {
        return steps.stream().map(Pipeline::stepName).toList();
    }

    /**
     * A run of this pipeline over {@code source}: lazy until its output is subscribed. Settings from system
     * properties are read now.
     *
     * @throws FlowlineException when a setting names an unknown stage or key, or has a bad value, or a stage
     *                           dead-letters without a dead-letter sink
     */
    @SuppressWarnings("unchecked")
    public Run<O> run(Publisher<? extends I> source) {
        Objects.requireNonNull(source, "source");
        Overrides settings = options.overrides().with(System.getProperties(), "system properties", name, false);
        settings.checkKeys(name, stageNames().stream().filter(this::isStage).toList());
        Mode runMode = settings.mode(options.mode());
        int runThreads = settings.threads(options.threads());
        List<Object> runSteps = new ArrayList<>();
        List<StageMetrics> metrics = new ArrayList<>();
        int totalConcurrency = 0;
        for (Object step : steps) {
            if (step instanceof Stage<?, ?> declared) {
                Stage<Object, Object> stage = settings.apply((Stage<Object, Object>) declared);
                if (stage.errorPolicy == ErrorPolicy.DEAD_LETTER && options.deadLetters() == null) {
                    throw new FlowlineException("stage '" + stage.name + "' sends failures to dead letters, but pipeline '"
                            + name + "' has no dead-letter sink: add .deadLetters(sink)");
                }
                int concurrency = runMode == Mode.SERIAL ? 1 : stage.concurrency;
                totalConcurrency = (int) Math.min(Integer.MAX_VALUE - 1L, (long) totalConcurrency + concurrency);
                metrics.add(new StageMetrics(stage.name, stage.kind.name(), Placement.describe(runMode, runThreads,
                        stage.kind), concurrency));
                runSteps.add(stage);
            } else {
                BatchSpec batch = (BatchSpec) step;
                metrics.add(new StageMetrics(batch.name(), "BATCH", batch.describe(), batch.size()));
                runSteps.add(batch);
            }
        }
        RunMetrics runMetrics = new RunMetrics(name, runMode, metrics);
        int queueCapacity = Math.max(1, totalConcurrency);
        Flux<Object> output = Flux.using(
                () -> Placement.of(runMode, name, runThreads, queueCapacity, options.schedulerDecorator()),
                placement -> assemble(Flux.from(source), placement, runSteps, runMetrics),
                Placement::close);
        if (options.reportsPinning() && runMode == Mode.VIRTUAL) {
            Flux<Object> placed = output;
            output = Flux.using(() -> PinningMonitor.start(name, metrics), monitor -> placed, PinningMonitor::close);
        }
        return new Run<>((Flux<O>) output, runMetrics);
    }

    private Flux<Object> assemble(Flux<?> source, Placement placement, List<Object> runSteps, RunMetrics metrics) {
        List<Step> compiled = new ArrayList<>();
        for (int i = 0; i < runSteps.size(); i++) {
            StageMetrics stageMetrics = metrics.stages().get(i);
            compiled.add(runSteps.get(i) instanceof BatchSpec batch
                    ? new BatchStep(batch, placement, stageMetrics)
                    : new StageRunner(name, castStage(runSteps.get(i)), placement, stageMetrics,
                            options.deadLetters(), options.timeline()));
        }
        Flux<Object> elements = source.map(element -> (Object) element).doOnNext(element -> metrics.sourceEmitted());
        elements = placement.serial() ? Assembly.serial(elements, compiled, placement) : Assembly.concurrent(elements, compiled);
        return elements
                .doOnSubscribe(subscription -> metrics.started())
                .doOnNext(output -> metrics.output())
                .doOnComplete(() -> metrics.ended("COMPLETED", null))
                .doOnError(error -> metrics.ended("FAILED", error))
                .doFinally(signal -> {
                    if (signal == SignalType.CANCEL) {
                        metrics.ended("CANCELLED", null);
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static Stage<Object, Object> castStage(Object step) {
        return (Stage<Object, Object>) step;
    }

    private boolean isStage(String stepName) {
        return steps.stream().anyMatch(step -> step instanceof Stage<?, ?> stage && stage.name().equals(stepName));
    }

    private List<Object> append(String stepName, Object step) {
        if (stageNames().contains(stepName)) {
            throw new FlowlineException("pipeline '" + name + "' already has a step named '" + stepName + "'");
        }
        List<Object> appended = new ArrayList<>(steps);
        appended.add(step);
        return appended;
    }

    private static String stepName(Object step) {
        return step instanceof Stage<?, ?> stage ? stage.name() : ((BatchSpec) step).name();
    }

    @Override
    public String toString() {
        return "Pipeline[" + name + ", " + options.mode() + ", steps " + stageNames() + "]";
    }
}

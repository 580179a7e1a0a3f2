package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowline.report.RunReport;
import dev.flowline.report.StageReport;
import dev.flowline.scheduling.ThreadKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

class OverridesTest {

    @TempDir
    Path directory;

    private static Pipeline<Integer, Integer> pipeline() {
        return Pipeline.<Integer>named("configured")
                .then(Stage.cpu("parse", (Integer n) -> n + 1))
                .then(Stage.blocking("store", (Integer n) -> n).concurrency(4));
    }

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @AfterEach
    void clearSystemProperties() {
        System.getProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith("flowline.configured."))
                .forEach(System::clearProperty);
    }

    @Test
    void aSettingsFileChangesModeConcurrencyTimeoutAndKind() throws IOException {
        Path file = directory.resolve("flowline.properties");
        Files.writeString(file, """
                # tuned without touching code
                flowline.configured.mode=threads
                flowline.configured.threads=3
                flowline.configured.store.concurrency=2
                flowline.configured.store.timeout=2s
                flowline.configured.parse.kind=BLOCKING_IO
                flowline.other-pipeline.mode=SERIAL
                """);

        RunReport report = pipeline().configure(file).run(Flux.range(0, 10)).await();

        assertThat(report.mode()).isEqualTo("THREADS");
        StageReport parse = report.stages().get(0);
        assertThat(parse.kind()).isEqualTo("BLOCKING_IO");
        assertThat(parse.placement()).isEqualTo("pool of 3");
        assertThat(parse.threads()).containsOnlyKeys(ThreadKind.PLATFORM_POOL);
        assertThat(report.stages().get(1).concurrency()).isEqualTo(2);
    }

    @Test
    void systemPropertiesWinOverTheFileAndTheCode() {
        System.setProperty("flowline.configured.mode", "VIRTUAL");
        System.setProperty("flowline.configured.store.concurrency", "7");

        RunReport report = pipeline().mode(Mode.SERIAL)
                .configure(properties("flowline.configured.mode", "THREADS"))
                .run(Flux.range(0, 5)).await();

        assertThat(report.mode()).isEqualTo("VIRTUAL");
        assertThat(report.stages().get(1).concurrency()).isEqualTo(7);
        assertThat(report.stages().get(1).threads()).containsOnlyKeys(ThreadKind.VIRTUAL);
    }

    @Test
    void anUnknownStageIsAnErrorThatNamesItAndTheKnownStages() {
        Pipeline<Integer, Integer> configured = pipeline()
                .configure(properties("flowline.configured.strore.concurrency", "8"));

        assertThatThrownBy(() -> configured.run(Flux.range(0, 1)))
                .isInstanceOf(FlowlineException.class)
                .hasMessage("unknown stage 'strore' in the given properties, key 'flowline.configured.strore.concurrency':"
                        + " pipeline 'configured' has stages [parse, store]");
    }

    @Test
    void anUnknownSettingIsAnErrorThatNamesIt() {
        System.setProperty("flowline.configured.store.concurency", "8");

        assertThatThrownBy(() -> pipeline().run(Flux.range(0, 1)))
                .hasMessage("unknown setting 'concurency' in system properties, key "
                        + "'flowline.configured.store.concurency': a stage's settings are [concurrency, timeout, kind]");
    }

    @Test
    void badValuesAreErrorsThatNameKeyAndValue() {
        assertThatThrownBy(() -> pipeline().configure(properties("flowline.configured.store.concurrency", "-3"))
                .run(Flux.range(0, 1)))
                .hasMessage("bad value '-3' in the given properties, key 'flowline.configured.store.concurrency': "
                        + "stage 'store': concurrency must be between 1 and 1000000, got -3");
        assertThatThrownBy(() -> pipeline().configure(properties("flowline.configured.store.timeout", "soon"))
                .run(Flux.range(0, 1)))
                .hasMessageContaining("bad value 'soon'").hasMessageContaining("expected a value such as 250ms");
        assertThatThrownBy(() -> pipeline().configure(properties("flowline.configured.mode", "turbo"))
                .run(Flux.range(0, 1)))
                .hasMessage("bad value 'turbo' in the given properties, key 'flowline.configured.mode': "
                        + "expected one of [REACTIVE, VIRTUAL, THREADS, SERIAL]");
        assertThatThrownBy(() -> pipeline().configure(properties("flowline.configured.threads", "many"))
                .run(Flux.range(0, 1)))
                .hasMessageContaining("bad value 'many'").hasMessageContaining("expected a whole number");
    }

    @Test
    void aSettingsFileMayHoldOnlyFlowlineKeys() throws IOException {
        Path file = directory.resolve("bad.properties");
        Files.writeString(file, "server.port=8080\n");

        assertThatThrownBy(() -> pipeline().configure(file))
                .hasMessage("unknown key 'server.port' in " + file + ": keys start with 'flowline.configured.'");
        assertThatThrownBy(() -> pipeline().configure(directory.resolve("missing.properties")))
                .hasMessageStartingWith("cannot read settings file '" + directory.resolve("missing.properties") + "'");
    }

    @Test
    void declarationsAreCheckedWhenMade() {
        assertThatThrownBy(() -> Stage.cpu("bad name", x -> x)).hasMessageStartingWith("bad name 'bad name'");
        assertThatThrownBy(() -> Stage.cpu("ok", x -> x).concurrency(0))
                .hasMessage("stage 'ok': concurrency must be between 1 and 1000000, got 0");
        assertThatThrownBy(() -> pipeline().then(Stage.cpu("parse", x -> x)))
                .hasMessage("pipeline 'configured' already has a step named 'parse'");
        assertThatThrownBy(() -> Pipeline.named("p").then(Stage.cpu("s", x -> x).onError(ErrorPolicy.DEAD_LETTER))
                .run(Flux.just(1)))
                .hasMessageContaining("has no dead-letter sink");
        assertThatThrownBy(() -> Stage.async("fetch", x -> Flux.just(x)).asKind(Kind.CPU))
                .hasMessageContaining("cannot be declared CPU");
    }
}

package dev.flowline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowline.site.Fault;
import dev.flowline.site.LocalSite;
import java.util.Arrays;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Fetcher#fetchTruncated}: a body over its limit, as sent or once decoded, keeps its first bytes instead of
 * failing, and the connection it was cut from is never reused half-read. Against both fetchers.
 */
class FetchTruncatedTest {

    private static final int KEEP = 64 * 1024;

    @AutoClose
    private final LocalSite site = LocalSite.builder().pages(10).pageBytes(64 * 1024).seed(5)
            .oversizedBytes(4L * 1024 * 1024).fault("/page/2", Fault.GZIP).start();
    @AutoClose
    private Fetcher fetcher;

    /** A fetcher whose own limit (1 KiB) is below every limit asked for here, and with one connection to reuse. */
    private Fetcher open(Client client) {
        fetcher = client.open(FetchOptions.builder().maxBodyBytes(1024).maxConnections(1).build());
        return fetcher;
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void anOversizedBodyKeepsItsFirstBytesDeclaredOrChunked(Client client) {
        Fetcher fetcher = open(client);
        for (Fault oversized : new Fault[] {Fault.OVERSIZED, Fault.OVERSIZED_CHUNKED}) {
            FetchResponse cut = fetcher.fetchTruncated(site.url(oversized), KEEP).block();

            assertThat(cut.outcome()).as(oversized.name()).isEqualTo(FetchOutcome.OK);
            assertThat(cut.status()).isEqualTo(200);
            assertThat(cut.truncated()).isTrue();
            assertThat(cut.body()).hasSize(KEEP);
            assertThat(cut.bytes()).isEqualTo(KEEP);
            assertThat(cut.toString()).contains("(truncated)");
        }
        // The rest of each body was left unread: a connection reused half-read would answer this with its leftovers.
        FetchResponse next = fetcher.fetchTruncated(site.url("/page/3"), KEEP * 2L).block();
        assertThat(next.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(next.truncated()).isFalse();
        assertThat(next.text()).startsWith("<!DOCTYPE html>").contains("<title>Page 3: ").endsWith("</html>\n");
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aBodyWithinTheLimitIsWholeAndNotTruncated(Client client) {
        FetchResponse page = open(client).fetchTruncated(site.url("/page/3"), 1024 * 1024).block();

        assertThat(page.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(page.truncated()).isFalse();
        assertThat(page.body()).hasSize((int) page.bytes());
        assertThat(fetcher.fetch(site.url("/page/3")).block().outcome())
                .as("a plain fetch keeps the options' limit (1 KiB)").isEqualTo(FetchOutcome.BODY_TOO_LARGE);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aGzipBombDecodesToTheLimitAndNoFurther(Client client) {
        FetchResponse bomb = open(client).fetchTruncated(site.url(Fault.GZIP_BOMB), 1024 * 1024).block();

        assertThat(bomb.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(bomb.truncated()).isTrue();
        assertThat(bomb.bytes()).as("read whole off the wire").isLessThan(1024 * 1024);
        assertThat(bomb.body()).hasSize(1024 * 1024);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aGzipBodyCutOnTheWireDecodesAsFarAsItsBytesGo(Client client) {
        Fetcher fetcher = open(client);
        FetchResponse whole = fetcher.fetchTruncated(site.url("/page/2"), 1024 * 1024).block();
        assertThat(whole.header("Content-Encoding")).contains("gzip");
        assertThat(whole.truncated()).isFalse();
        int keep = (int) whole.bytes() / 2;

        FetchResponse cut = fetcher.fetchTruncated(site.url("/page/2"), keep).block();

        assertThat(cut.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.bytes()).isEqualTo(keep);
        assertThat(cut.body()).isNotEmpty().hasSizeLessThanOrEqualTo(keep);
        assertThat(cut.body()).isEqualTo(Arrays.copyOf(whole.body(), cut.body().length));
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aLimitOutOfRangeIsRefusedNamingIt(Client client) {
        Fetcher fetcher = open(client);

        assertThatThrownBy(() -> fetcher.fetchTruncated(site.url("/"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("max body bytes must be between 1 and 2147483639, was 0");
        assertThat(site.counters().requests()).isZero();
    }
}

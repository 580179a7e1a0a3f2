package dev.flowline.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PagesTest {

    private static final String ORIGIN = "http://127.0.0.1:8080";
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    @Test
    void theSameSeedGivesTheSameSiteAndAnotherSeedAnotherOne() {
        Pages pages = new Pages(1_000, 10, 42, 4096);
        Pages again = new Pages(1_000, 10, 42, 4096);
        Pages other = new Pages(1_000, 10, 43, 4096);

        for (int n = 0; n < 1_000; n += 97) {
            assertThat(again.targets(n)).containsExactly(pages.targets(n));
            assertThat(again.page(n, ORIGIN, List.of(ORIGIN))).isEqualTo(pages.page(n, ORIGIN, List.of(ORIGIN)));
        }
        assertThat(other.targets(5)).isNotEqualTo(pages.targets(5));
    }

    @Test
    void everyPageLinksToTheNextAndNeverToItself() {
        Pages pages = new Pages(50, 8, 1, 0);
        for (int n = 0; n < 50; n++) {
            int[] targets = pages.targets(n);
            assertThat(targets).hasSize(8).doesNotContain(n);
            assertThat(targets[0]).isEqualTo((n + 1) % 50);
        }
    }

    @Test
    void pagesLinkTheWaysRealSitesDo() {
        Pages pages = new Pages(1_000, 20, 3, 0);
        List<String> origins = List.of(ORIGIN, "http://127.0.0.1:8081");
        StringBuilder all = new StringBuilder();
        for (int n = 0; n < 100; n++) {
            all.append(pages.page(n, ORIGIN, origins));
        }
        List<String> hrefs = HREF.matcher(all).results().map(match -> match.group(1)).toList();

        assertThat(hrefs).anyMatch(href -> href.matches("/page/\\d+"));                 // absolute path
        assertThat(hrefs).anyMatch(href -> href.matches("\\d+"));                       // relative
        assertThat(hrefs).anyMatch(href -> href.matches("page/\\d+"));                  // relative to <base>
        assertThat(hrefs).anyMatch(href -> href.startsWith(ORIGIN + "/page/"));         // absolute URL
        assertThat(hrefs).anyMatch(href -> href.startsWith("http://127.0.0.1:8081/"));  // another host of the site
        assertThat(hrefs).anyMatch(href -> href.contains("#section-"));                 // fragment
        assertThat(hrefs).anyMatch(href -> href.contains("?from="));                    // query string
        assertThat(hrefs).anyMatch(href -> href.contains(".invalid/"));                 // out of scope
        assertThat(hrefs).anyMatch(href -> href.startsWith("/private/"));
        assertThat(hrefs).anyMatch(href -> href.startsWith("/trap/"));
        assertThat(hrefs).anyMatch(href -> href.startsWith("mailto:"));
        assertThat(all).contains("<base href=\"" + ORIGIN + "/\">");
        assertThat(hrefs.size()).isGreaterThan((int) hrefs.stream().distinct().count());  // duplicates
    }

    @Test
    void pagesArePaddedToTheirSize() {
        assertThat(new Pages(10, 3, 1, 20_000).page(4, ORIGIN, List.of(ORIGIN)).length()).isBetween(20_000, 20_700);
    }

    @Test
    void aBigSiteHasASitemapIndex() {
        Pages pages = new Pages(120_000, 3, 1, 0);
        assertThat(pages.sitemapParts()).isEqualTo(3);
        assertThat(pages.sitemap(ORIGIN)).contains("<sitemapindex").contains(ORIGIN + "/sitemap/2.xml");
        String last = pages.sitemapPart(ORIGIN, 2);
        Matcher locs = Pattern.compile("<loc>").matcher(last);
        assertThat(locs.results().count()).isEqualTo(20_000);
        assertThat(last).contains(ORIGIN + "/page/119999<");
    }
}

package dev.rapport.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The digest's HTML and plain-text parts from the templates, with hostile names and notes. */
class DigestRenderTest {
    static final String EVIL = "<script>alert(1)</script> Ada & \"Co\"\r\nUnsubscribe here: http://evil.example";
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    final DigestMailer mailer = new DigestMailer(null, "Rapport <rapport@example.com>", "", "25",
            new CalendarLinks("", 8080), Clock.fixed(Instant.parse("2026-11-24T06:00:00Z"), ZoneOffset.UTC));

    static Digest digest(List<Digest.QueueLine> queue, List<Digest.PromiseLine> promises, Digest.JournalLine journal) {
        return new Digest("Dana <b>", "Team & Co", DAY, queue, 0, 1, promises, journal, "http://rapport.test/",
                "http://rapport.test/settings#digest", "http://rapport.test/digest/unsubscribe?token=abc");
    }

    static Digest.JournalLine noJournal() {
        return new Digest.JournalLine(DAY.minusDays(1), "0 min", 0, "0 min", 0, List.of());
    }

    @Test
    void htmlEscapesEverythingUsersTypedAndTextKeepsEachOnOneLine() {
        Digest d = digest(List.of(new Digest.QueueLine(EVIL, "A", true, List.of("20 days since last touch <i>",
                        "asked for an update\non 2026-11-20"), "http://rapport.test/clients/1")),
                List.of(new Digest.PromiseLine(EVIL, "send <img src=x onerror=alert(1)>", DAY, "today", false,
                        "http://rapport.test/clients/1")),
                new Digest.JournalLine(DAY.minusDays(1), "6 h 30 min", 4, "1 h 10 min", 18,
                        List.of(new Digest.CategoryLine("<em>Email</em>", "2 h", 31))));
        DigestMailer.Rendered r = mailer.render(d);

        assertThat(r.html()).doesNotContain("<script>").doesNotContain("<img src=x").doesNotContain("<em>Email")
                .doesNotContain("<b>").doesNotContain("<i>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Ada &amp; &quot;Co&quot; Unsubscribe here: http://evil.example")
                .contains("Good morning, Dana &lt;b&gt;").contains("&lt;em&gt;Email&lt;/em&gt;")
                .contains("href=\"http://rapport.test/digest/unsubscribe?token=abc\"")
                .contains("style=\"").doesNotContain("<style").doesNotContain("<script src");
        assertThat(r.text()).contains("- <script>alert(1)</script> Ada & \"Co\" Unsubscribe here: http://evil.example, "
                        + "tier A, OVERDUE: 20 days since last touch <i>; asked for an update on 2026-11-20")
                .contains("- today, to <script>alert(1)</script> Ada & \"Co\" Unsubscribe here: http://evil.example: "
                        + "send <img src=x onerror=alert(1)>")
                .contains("Logged 6 h 30 min in 4 entries; with clients 1 h 10 min (18%).")
                .contains("- <em>Email</em>: 2 h (31%)")
                .contains("Unsubscribe: http://rapport.test/digest/unsubscribe?token=abc");
        // the forged line never starts a line of its own
        assertThat(r.text().lines()).noneMatch(l -> l.startsWith("Unsubscribe here"));
        assertThat(r.subject()).isEqualTo("Rapport, Tue 24 Nov: 1 client needs you, 1 promise due");
    }

    @Test
    void quietSectionsSaySoAndAnAllEmptyDigestIsNotWorthSending() {
        Digest empty = digest(List.of(), List.of(), noJournal());
        assertThat(empty.empty()).isTrue();
        DigestMailer.Rendered r = mailer.render(empty);
        assertThat(r.text()).contains("Nobody is waiting for you today.")
                .contains("No promise falls due in the next two days.").contains("Nothing logged in your journal.")
                .contains("YESTERDAY, Monday 23 November 2026");
        assertThat(r.html()).contains("Nobody is waiting for you today.");
        assertThat(r.subject()).isEqualTo("Rapport, Tue 24 Nov: nobody waiting");
    }

    @Test
    void durationsReadLikePeopleWriteThem() {
        assertThat(Digest.duration(0)).isEqualTo("0 min");
        assertThat(Digest.duration(45)).isEqualTo("45 min");
        assertThat(Digest.duration(120)).isEqualTo("2 h");
        assertThat(Digest.duration(125)).isEqualTo("2 h 05 min");
        assertThat(Digest.oneLine(" a\r\n\tb\u2028c ")).isEqualTo("a b c");
    }
}

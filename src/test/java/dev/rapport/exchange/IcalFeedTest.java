package dev.rapport.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import dev.rapport.attention.AttentionService.FollowUp;
import dev.rapport.attention.Reason;
import dev.rapport.attention.ReasonCode;
import dev.rapport.deals.Deal;
import dev.rapport.deals.DealStatus;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseStatus;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.UserId;

/** The feed's contents and its iCalendar text, without a server: dates, UIDs, zones, escaping. */
class IcalFeedTest {
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Instant STAMP = Instant.parse("2026-11-23T09:00:00Z");
    static final ClientId ADA = new ClientId(11);

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static List<VEvent> events(Calendar c) {
        return c.getComponents("VEVENT").stream().map(VEvent.class::cast).toList();
    }

    static String uid(VEvent e) {
        return e.getUid().orElseThrow().getValue();
    }

    static FollowUp followUp(LocalDate due, LocalDate snoozedUntil, Reason... reasons) {
        return new FollowUp(ADA, "Ada Lovelace", "A", due, snoozedUntil, List.of(reasons));
    }

    static Promise promise(long id, LocalDate due, PromiseStatus status, String text) {
        return new Promise(id, ADA, new UserId(1), text, TODAY.minusDays(3), due, due, status, 0, null, null, STAMP);
    }

    static Deal deal(Instant... completions) {
        List<Deal.Milestone> ms = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ms.add(new Deal.Milestone(i, "step " + i, i < completions.length ? completions[i] : null));
        }
        return new Deal(7, ADA, new UserId(1), 1, "Sale of Elm St 4", null, DealStatus.OPEN, 2, ms, STAMP, null, STAMP);
    }

    @Test
    void aWrittenFeedParsesBackWithAllDayEventsStableUidsAndTheClocksStamp() throws Exception {
        CalendarEntries entries = new CalendarEntries(TODAY, AMSTERDAM, "https://crm.example");
        List<CalendarEntry> list = entries.build(
                List.of(followUp(TODAY.plusDays(5), null)),
                List.of(promise(3, TODAY.plusDays(1), PromiseStatus.OPEN, "send the quote")),
                List.of(deal(Instant.parse("2026-11-20T15:00:00Z"))), Map.of());
        String ics = IcalWriter.write("Rapport: Dana (Team)", AMSTERDAM, STAMP, list);

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nVERSION:2.0\r\n")
                .doesNotContain("METHOD:").contains("X-WR-TIMEZONE:Europe/Amsterdam")
                .contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        Calendar calendar = parse(ics);
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<VEvent> events = events(calendar);
        assertThat(events).extracting(IcalFeedTest::uid).containsExactly("milestone-7-0@rapport",
                "promise-3@rapport", "followup-11-2026-11-28@rapport");
        for (VEvent e : events) {
            assertThat(e.getDateTimeStamp().getDate()).isEqualTo(STAMP);
            assertThat(e.getDateTimeStart().getDate()).isInstanceOf(LocalDate.class);
            assertThat((LocalDate) e.getDateTimeEnd().getDate())
                    .isEqualTo(((LocalDate) e.getDateTimeStart().getDate()).plusDays(1));
        }
        assertThat(events.get(1).getSummary().getValue()).isEqualTo("Promise to client #11: send the quote");
        assertThat(events.get(2).getDateTimeStart().getDate()).isEqualTo(TODAY.plusDays(5));
        assertThat(events.get(2).getUrl().getUri().toString()).isEqualTo("https://crm.example/clients/11");

        // the same data a minute later is the same events: only DTSTAMP moves
        String again = IcalWriter.write("Rapport: Dana (Team)", AMSTERDAM, STAMP.plusSeconds(60), entries.build(
                List.of(followUp(TODAY.plusDays(5), null)),
                List.of(promise(3, TODAY.plusDays(1), PromiseStatus.OPEN, "send the quote")),
                List.of(deal(Instant.parse("2026-11-20T15:00:00Z"))), Map.of()));
        assertThat(again.replaceAll("DTSTAMP:\\S+", "")).isEqualTo(ics.replaceAll("DTSTAMP:\\S+", ""));
    }

    @Test
    void hostileTextIsEscapedAndCannotAddEventsOrProperties() throws Exception {
        String note = "a, b; c \\ d\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\nSUMMARY:pwned\u0000\u0007\u001b[31m <b>x</b>";
        List<CalendarEntry> list = new CalendarEntries(TODAY, AMSTERDAM, null).build(List.of(),
                List.of(promise(1, TODAY, PromiseStatus.OPEN, note)), List.of(), Map.of());
        String ics = IcalWriter.write("Evil;name,\r\nX-EVIL:1", AMSTERDAM, STAMP, list);

        assertThat(ics).doesNotContain("\r\nBEGIN:VEVENT\r\nUID:evil").doesNotContain("\r\nX-EVIL")
                .doesNotContain("\u0000").doesNotContain("\u0007").doesNotContain("\u001b");
        assertThat(ics.replace("\r\n ", "")) // unfolded
                .contains("DESCRIPTION:You promised client #11 on 2026-11-20:\\na\\, b\\; c \\\\ d\\nEND:VEVENT\\nBEGIN:VEVENT\\nUID:evil\\nSUMMARY:pwned")
                .contains("SUMMARY:Promise to client #11: a\\, b\\; c \\\\ d END:VEVENT BEGIN:VEVENT UID:evil SUMMARY:pwned");
        Calendar calendar = parse(ics);
        List<VEvent> events = events(calendar);
        assertThat(events).hasSize(1);
        assertThat(uid(events.get(0))).isEqualTo("promise-1@rapport");
        assertThat(events.get(0).getDescription().getValue())
                .endsWith("a, b; c \\ d\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\nSUMMARY:pwned[31m <b>x</b>");
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Evil;name, X-EVIL:1");
        // folded lines stay within 75 octets, as RFC 5545 asks, also for text in several-byte characters
        String wide = IcalWriter.write("Zoë", AMSTERDAM, STAMP, new CalendarEntries(TODAY, AMSTERDAM, null).build(
                List.of(), List.of(promise(2, TODAY, PromiseStatus.OPEN, "漢字é".repeat(60))), List.of(), Map.of()));
        assertThat(events(parse(wide)).get(0).getSummary().getValue()).endsWith("漢字é".repeat(60));
        for (String line : (ics + wide).split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void milestoneDaysAreLocalDaysAcrossTheDstChange() {
        // New York leaves daylight time on 2026-11-01 at 06:00 UTC (02:00 EDT becomes 01:00 EST)
        Instant beforeChange = Instant.parse("2026-11-01T03:30:00Z"); // 23:30 EDT on 31 October
        Instant afterChange = Instant.parse("2026-11-02T04:30:00Z");  // 23:30 EST on 1 November (UTC: 2 Nov)
        CalendarEntries ny = new CalendarEntries(LocalDate.of(2026, 11, 3), NEW_YORK, null);
        List<CalendarEntry> list = ny.build(List.of(), List.of(), List.of(deal(beforeChange, afterChange)), Map.of());
        assertThat(list).extracting(CalendarEntry::date)
                .containsExactly(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1));
        assertThat(list.get(1).description()).contains("completed at 23:30 (America/New_York)");
        // a fixed offset of -4 h (daylight time) would have put the second one on 2 November at 00:30
    }

    @Test
    void followUpsInTodaysQueueAreTodayOthersOnTheirDueOrSnoozeDayWithinSixtyDays() {
        CalendarEntries e = new CalendarEntries(TODAY, AMSTERDAM, null);
        Reason overdue = new Reason(ReasonCode.OVERDUE, "20 days since last touch, tier A allows at most 14 days — 6 days overdue");
        CalendarEntry late = e.followUp(followUp(TODAY.minusDays(13), null, overdue)).orElseThrow();
        assertThat(late.date()).isEqualTo(TODAY);
        assertThat(late.uid()).isEqualTo("followup-11-2026-11-10@rapport");
        assertThat(late.summary()).isEqualTo("Overdue: contact Ada Lovelace");
        assertThat(late.description()).contains("6 days overdue");

        assertThat(e.followUp(followUp(TODAY.plusDays(3), null)).orElseThrow().date()).isEqualTo(TODAY.plusDays(3));
        assertThat(e.followUp(followUp(TODAY.minusDays(2), TODAY.plusDays(4))).orElseThrow().date())
                .isEqualTo(TODAY.plusDays(4));
        assertThat(e.followUp(followUp(TODAY.plusDays(60), null))).isPresent();
        assertThat(e.followUp(followUp(TODAY.plusDays(61), null))).isEmpty();
        // a promise or a milestone has its own event: on its own it does not pull the follow-up to today
        Reason promise = new Reason(ReasonCode.PROMISE_DUE, "promised “quote” by tomorrow");
        assertThat(e.followUp(followUp(TODAY.plusDays(9), null, promise)).orElseThrow().date())
                .isEqualTo(TODAY.plusDays(9));
    }

    @Test
    void onlyPendingPromisesInTheHorizonAndOnlyCompletedMilestones() {
        CalendarEntries e = new CalendarEntries(TODAY, AMSTERDAM, null);
        assertThat(e.promise(promise(1, TODAY.minusDays(7), PromiseStatus.OPEN, "x"), "Ada", null)).isPresent();
        assertThat(e.promise(promise(1, TODAY.minusDays(8), PromiseStatus.OPEN, "x"), "Ada", null)).isEmpty();
        assertThat(e.promise(promise(1, TODAY.plusDays(61), PromiseStatus.OPEN, "x"), "Ada", null)).isEmpty();
        assertThat(e.promise(promise(1, TODAY, PromiseStatus.KEPT, "x"), "Ada", null)).isEmpty();
        assertThat(e.promise(promise(1, TODAY, PromiseStatus.BROKEN, "x"), "Ada", null)).isEmpty();
        assertThat(e.promise(promise(1, TODAY.plusDays(2), PromiseStatus.RENEGOTIATED, "x"), "Ada", null)).isPresent();
        assertThat(e.promise(promise(1, TODAY.minusDays(1), PromiseStatus.OPEN, "x"), "Ada", null).orElseThrow().summary())
                .isEqualTo("Promise to Ada (overdue): x");
        CalendarEntry colleagues = e.promise(promise(1, TODAY, PromiseStatus.OPEN, "x"), "Ada", "Ann").orElseThrow();
        assertThat(colleagues.summary()).isEqualTo("Promise to Ada by Ann: x");
        assertThat(colleagues.description()).startsWith("Ann promised Ada on ");

        Deal d = deal(Instant.parse("2026-11-10T10:00:00Z"), Instant.parse("2026-11-22T10:00:00Z"));
        List<CalendarEntry> list = e.build(List.of(), List.of(), List.of(d), Map.of());
        assertThat(list).extracting(CalendarEntry::uid).containsExactly("milestone-7-1@rapport"); // the other is 13 days old
        assertThat(list.get(0).summary()).isEqualTo("Tell client #11: step 1 (Sale of Elm St 4)");
    }
}

package dev.rapport.exchange;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Clazz;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * Writes a feed as iCalendar (RFC 5545) for subscriptions in Google Calendar, Apple Calendar and
 * Outlook: plain RFC 5545 with no METHOD (iTIP's PUBLISH would ask for an ORGANIZER). Library choice: ical4j 4.4.0 rather than biweekly, because its API is java.time-native
 * (a LocalDate becomes a VALUE=DATE, an Instant a UTC DTSTAMP) with no java.util.Date or JVM
 * default zone in between, it escapes TEXT values, and its time zone updater is
 * switched off in ical4j.properties, so it never touches the network.
 *
 * <p>Every entry is an all-day VEVENT (VTODOs are ignored by Google Calendar and by subscribed
 * calendars in Apple Calendar and Outlook), transparent so it never blocks free/busy time.
 */
final class IcalWriter {
    static final String PRODUCT = "-//Rapport//Calendar feed 1.0//EN";
    static final Duration REFRESH = Duration.ofHours(1);
    private static final int MAX_OCTETS = 75;
    private static final int MAX_SUMMARY = 250;
    private static final int MAX_DESCRIPTION = 4000;

    private IcalWriter() {
    }

    static String write(String name, ZoneId zone, Instant stamp, List<CalendarEntry> entries) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new XProperty("X-WR-CALNAME", oneLine(clean(name, MAX_SUMMARY))));
        calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
        // how often subscribers should poll: RFC 7986 and the older Outlook spelling
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        DtStamp dtStamp = new DtStamp(stamp);
        for (CalendarEntry e : entries) {
            calendar.add(event(e, dtStamp));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fold(out.toString());
    }

    /**
     * Folds content lines at 75 octets of UTF-8, as RFC 5545 says (the library counts characters,
     * so a line of non-Latin text would run to twice that), never inside a character.
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 60);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > MAX_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static VEvent event(CalendarEntry e, DtStamp stamp) {
        VEvent event = new VEvent(false); // false: no DTSTAMP from the system clock, ours comes from Clock
        event.add(new Uid(e.uid()));
        event.add(stamp);
        event.add(new DtStart<>(e.date()));
        event.add(new DtEnd<>(e.date().plusDays(1)));
        event.add(new Summary(oneLine(clean(e.summary(), MAX_SUMMARY))));
        if (e.description() != null && !e.description().isBlank()) {
            event.add(new Description(clean(e.description(), MAX_DESCRIPTION)));
        }
        event.add(new Categories(e.category()));
        event.add(new Transp(Transp.VALUE_TRANSPARENT));
        event.add(new Clazz(Clazz.VALUE_PRIVATE));
        if (e.url() != null) {
            event.add(new Url(URI.create(e.url())));
        }
        return event;
    }

    /** Titles are one line in every calendar app; the description keeps the line breaks. */
    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\t', ' ');
    }

    /**
     * Text from users (client names, notes) may hold anything: line breaks are normalised to \n
     * (which the library escapes, like commas, semicolons and backslashes) and other control
     * characters, which iCalendar TEXT does not allow, are dropped.
     */
    static String clean(String text, int max) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n').codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (s.length() <= max) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(max - 2)) ? max - 2 : max - 1;
        return s.substring(0, cut) + "…";
    }
}

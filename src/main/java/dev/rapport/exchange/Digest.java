package dev.rapport.exchange;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One morning's digest as the mail templates show it. Every text from users (client names,
 * promises) is flattened to one line: in the plain-text part a line break in a name could
 * otherwise forge a line of the email; the HTML part escapes everything on top of that.
 */
// methods the templates call are public: SpEL sees only public methods
record Digest(String name, String team, LocalDate date, List<QueueLine> queue, int moreInQueue, int snoozed,
              List<PromiseLine> promises, JournalLine journal, String appUrl, String settingsUrl,
              String unsubscribeUrl) {
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /** A client in today's queue, with the reasons as sentences. */
    record QueueLine(String name, String tier, boolean overdue, List<String> reasons, String url) {
        QueueLine {
            name = oneLine(name);
            reasons = reasons.stream().map(Digest::oneLine).toList();
        }

        public String reasonText() {
            return String.join("; ", reasons);
        }
    }

    /** A pending promise due within two days (or already late). */
    record PromiseLine(String client, String text, LocalDate dueOn, String when, boolean late, String url) {
        PromiseLine {
            client = oneLine(client);
            text = oneLine(text);
        }
    }

    /** Where yesterday's logged time went. */
    record JournalLine(LocalDate day, String logged, int entries, String withClients, long clientPercent,
                       List<CategoryLine> categories) {
        public boolean empty() {
            return categories.isEmpty();
        }

        public String dayText() {
            return LONG_DATE.format(day);
        }
    }

    record CategoryLine(String label, String time, long percent) {
        CategoryLine {
            label = oneLine(label);
        }
    }

    Digest {
        name = oneLine(name);
        team = oneLine(team);
    }

    Digest withUnsubscribeUrl(String url) {
        return new Digest(name, team, date, queue, moreInQueue, snoozed, promises, journal, appUrl, settingsUrl, url);
    }

    /** Nothing to tell: no digest is sent that day (no daily empty mail for viewers and quiet days). */
    public boolean empty() {
        return queue.isEmpty() && promises.isEmpty() && journal.empty();
    }

    public int queueCount() {
        return queue.size() + moreInQueue;
    }

    public String dateText() {
        return LONG_DATE.format(date);
    }

    /** No user text in the subject: a header is the one place where a stray character does harm. */
    public String subject() {
        StringBuilder s = new StringBuilder("Rapport, " + SHORT_DATE.format(date) + ": ");
        int clients = queueCount();
        s.append(clients == 0 ? "nobody waiting" : clients + (clients == 1 ? " client needs you" : " clients need you"));
        if (!promises.isEmpty()) {
            s.append(", ").append(promises.size()).append(promises.size() == 1 ? " promise due" : " promises due");
        }
        return s.toString();
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        return s.codePoints().map(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                .replaceAll(" {2,}", " ").strip();
    }

    /** 45 min, 2 h, 2 h 05 min. */
    static String duration(long minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        long h = minutes / 60;
        long m = minutes % 60;
        return m == 0 ? h + " h" : String.format(Locale.ROOT, "%d h %02d min", h, m);
    }
}

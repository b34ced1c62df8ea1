package dev.rapport.journal;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rapport.shared.InvalidInputException;

/**
 * The quick-entry grammar shared by the CLI and the web: {@code 30m email}, {@code 1h30m admin},
 * {@code 1.5h errands}, {@code 09:00-09:45 call ACME review @acme}. A duration makes a duration-only
 * entry; a time range makes a timed entry. Words after the category are the note; {@code @word}
 * names a client.
 */
public record QuickEntry(Integer minutes, LocalTime start, LocalTime end, String category, String note,
                         String clientRef) {

    public static final int MAX_MINUTES = 24 * 60;
    private static final Pattern DURATION = Pattern.compile(
            "(?:(\\d+(?:\\.\\d+)?)h)?(?:(\\d+)(?:m|min))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}:\\d{2})-(\\d{1,2}:\\d{2})");
    /** Everyday words for the default categories; "call" means client time when a client is named. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("call", "phone"), Map.entry("calls", "phone"), Map.entry("cell", "phone"), Map.entry("meeting", Category.CLIENT_INTERACTION),
            Map.entry("client", Category.CLIENT_INTERACTION), Map.entry("visit", Category.CLIENT_INTERACTION),
            Map.entry("admin", "internal_admin"), Map.entry("fire", "firefighting"), Map.entry("fires", "firefighting"),
            Map.entry("mail", "email"), Map.entry("emails", "email"), Map.entry("errand", "errands"),
            Map.entry("browsing", "web"), Map.entry("other", "misc"));

    public boolean timed() {
        return start != null;
    }

    public static QuickEntry parse(String text, List<Category> categories) {
        return parse(text, categories, false);
    }

    /** withClient: a client is attached outside the text (e.g. --client), so "call" means client time. */
    public static QuickEntry parse(String text, List<Category> categories, boolean withClient) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "is empty; try '30m email' or '09:00-09:45 call ACME'");
        }
        List<String> words = new ArrayList<>(List.of(text.strip().split("\\s+")));
        String spec = words.remove(0);
        if (words.isEmpty()) {
            throw new InvalidInputException("text", "needs a category after '" + spec + "', e.g. '" + spec + " email'");
        }
        String word = words.remove(0);
        String clientRef = null;
        List<String> note = new ArrayList<>();
        for (String w : words) {
            if (w.startsWith("@") && w.length() > 1 && clientRef == null) {
                clientRef = w.substring(1);
            } else {
                note.add(w);
            }
        }
        String category = category(word, categories, withClient || clientRef != null);
        String noteText = note.isEmpty() ? null : String.join(" ", note);
        Matcher range = RANGE.matcher(spec);
        if (range.matches()) {
            LocalTime start = time(range.group(1));
            LocalTime end = time(range.group(2));
            if (!end.isAfter(start)) {
                throw new InvalidInputException("text", "ends at " + end + ", not after its start " + start
                        + "; for time past midnight log two entries or give start and end with dates");
            }
            return new QuickEntry(null, start, end, category, noteText, clientRef);
        }
        return new QuickEntry(minutes(spec), null, null, category, noteText, clientRef);
    }

    /** "30m", "2h", "1h30m", "1.5h", "90min" as whole minutes, 1 to 1440. */
    public static int minutes(String spec) {
        Matcher m = DURATION.matcher(spec);
        if (spec.isEmpty() || !m.matches() || (m.group(1) == null && m.group(2) == null)) {
            throw new InvalidInputException("text", "'" + spec + "' is not a duration (30m, 2h, 1h30m) or a time "
                    + "range (09:00-09:45)");
        }
        // digits beyond a day (a pasted number, "99999999999999999999m") are too long, not a crash
        double hours = m.group(1) == null ? 0 : Double.parseDouble(m.group(1));
        long mins = m.group(2) == null ? 0 : m.group(2).length() > 9 ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        long total = hours * 60 > MAX_MINUTES || mins > MAX_MINUTES ? Long.MAX_VALUE : Math.round(hours * 60) + mins;
        if (total <= 0 || total > MAX_MINUTES) {
            throw new InvalidInputException("text", "'" + spec + "' must be more than 0 and at most 24h");
        }
        return (int) total;
    }

    private static LocalTime time(String hhmm) {
        try {
            return LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("text", "'" + hhmm + "' is not a time of day (00:00-23:59)");
        }
    }

    /** Exact code, label, alias, then a unique prefix of a code. */
    static String category(String word, List<Category> categories, boolean withClient) {
        String w = word.toLowerCase(Locale.ROOT);
        if ((w.equals("call") || w.equals("calls")) && withClient) {
            return Category.CLIENT_INTERACTION;
        }
        Optional<Category> exact = categories.stream()
                .filter(c -> c.code().equals(w) || c.label().toLowerCase(Locale.ROOT).equals(w)).findFirst();
        if (exact.isPresent()) {
            return exact.get().code();
        }
        String alias = ALIASES.get(w);
        if (alias != null && categories.stream().anyMatch(c -> c.code().equals(alias))) {
            return alias;
        }
        List<Category> prefixed = categories.stream().filter(c -> c.code().startsWith(w)).toList();
        if (prefixed.size() == 1) {
            return prefixed.get(0).code();
        }
        throw new InvalidInputException("category", "unknown category '" + word + "'; use one of "
                + String.join(", ", categories.stream().map(Category::code).toList()));
    }
}

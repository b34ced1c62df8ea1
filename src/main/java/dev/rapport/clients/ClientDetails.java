package dev.rapport.clients;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.rapport.shared.Problems;
import dev.rapport.shared.UserId;

/** The editable part of a client, validated as a whole. */
public record ClientDetails(
        String name,
        String organisation,
        List<String> emails,
        List<String> phones,
        List<String> addresses,
        List<String> tags,
        UserId ownerId,
        String tier,
        ClientStatus status,
        ClientKind kind,
        LocalDate signedOn,
        Integer depthCurrent,
        Integer depthTarget,
        CadenceOverride cadence,
        String notes,
        List<Competitor> competitors) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ()./\\-]{3,50}$");

    public ClientDetails {
        name = strip(name);
        organisation = blankToNull(organisation);
        emails = cleanList(emails);
        phones = cleanList(phones);
        addresses = cleanList(addresses);
        tags = cleanList(tags).stream().map(t -> t.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
        tier = strip(tier);
        cadence = cadence == null ? CadenceOverride.NONE : cadence;
        notes = blankToNull(notes);
        competitors = competitors == null ? List.of() : List.copyOf(competitors);
    }

    /** Checks every field and reports all problems at once. */
    void validate(Problems problems) {
        problems.checkDate(signedOn, "signedOn");
        problems.check(name != null && !name.isEmpty(), "name", "must not be empty")
                .check(name == null || name.length() <= 200, "name", "must be at most 200 characters")
                .check(organisation == null || organisation.length() <= 200, "organisation",
                        "must be at most 200 characters")
                .check(ownerId != null, "ownerId", "must be set")
                .check(tier != null && !tier.isEmpty(), "tier", "must not be empty")
                .check(status != null, "status", "must be one of prospect, active, past")
                .check(kind != null, "kind", "must be one of external, internal");
        for (int i = 0; i < emails.size(); i++) {
            problems.check(EMAIL.matcher(emails.get(i)).matches() && emails.get(i).length() <= 320,
                    "emails[" + i + "]", "is not an email address");
        }
        for (int i = 0; i < phones.size(); i++) {
            problems.check(PHONE.matcher(phones.get(i)).matches(), "phones[" + i + "]",
                    "must be 3-50 digits, spaces and + ( ) . / -");
        }
        for (int i = 0; i < addresses.size(); i++) {
            problems.check(addresses.get(i).length() <= 500, "addresses[" + i + "]", "must be at most 500 characters");
        }
        for (int i = 0; i < tags.size(); i++) {
            problems.check(tags.get(i).length() <= 50, "tags[" + i + "]", "must be at most 50 characters");
        }
        checkDepth(problems, "depthCurrent", depthCurrent);
        checkDepth(problems, "depthTarget", depthTarget);
        checkCadence(problems);
        for (int i = 0; i < competitors.size(); i++) {
            Competitor c = competitors.get(i);
            problems.check(c != null && c.name() != null && !c.name().isBlank() && c.name().length() <= 200,
                    "competitors[" + i + "].name", "must be 1 to 200 characters");
        }
    }

    static void checkDepth(Problems problems, String field, Integer depth) {
        problems.check(depth == null || (depth >= 1 && depth <= 3), field,
                "must be 1 (features & benefits), 2 (motives & values) or 3 (emotional / core)");
    }

    private void checkCadence(Problems problems) {
        Integer ideal = cadence.idealDays();
        Integer max = cadence.maxDays();
        Integer rich = cadence.richEveryDays();
        problems.check(ideal == null || (ideal >= 1 && ideal <= 3650), "cadence.idealDays", "must be 1 to 3650 days")
                .check(max == null || (max >= 1 && max <= 3650), "cadence.maxDays", "must be 1 to 3650 days")
                .check(rich == null || (rich >= 1 && rich <= 3650), "cadence.richEveryDays", "must be 1 to 3650 days")
                .check(ideal == null || max == null || ideal <= max, "cadence.maxDays",
                        "must not be shorter than idealDays");
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> cleanList(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(values.stream()
                .filter(v -> v != null && !v.isBlank()).map(String::strip).toList()));
    }
}

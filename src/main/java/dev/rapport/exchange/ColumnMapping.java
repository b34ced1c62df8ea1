package dev.rapport.exchange;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.rapport.shared.InvalidInputException;

/**
 * A person's column mapping for CSV headers Rapport does not recognise: {@code "Full Name=name,E-mail=email"}.
 * Header names match ignoring case and surrounding spaces.
 */
record ColumnMapping(Map<String, Target> targets) {
    static final ColumnMapping NONE = new ColumnMapping(Map.of());

    /** What a column can hold. */
    enum Target {
        NAME("name"), FIRST_NAME("firstName"), MIDDLE_NAME("middleName"), LAST_NAME("lastName"),
        NAME_PREFIX("namePrefix"), NAME_SUFFIX("nameSuffix"), ORGANISATION("organisation"), EMAIL("email"), PHONE("phone"), ADDRESS("address"), TAGS("tags"),
        NOTES("notes"), TIER("tier"), STATUS("status"), ID("id"), IGNORE("ignore");

        final String code;

        Target(String code) {
            this.code = code;
        }

        static Optional<Target> fromCode(String code) {
            String c = code.strip().toLowerCase(Locale.ROOT);
            if (c.equals("organization") || c.equals("company")) {
                return Optional.of(ORGANISATION);
            }
            return Arrays.stream(values()).filter(t -> t.code.toLowerCase(Locale.ROOT).equals(c)).findFirst();
        }

        static String codes() {
            return Arrays.stream(values()).map(t -> t.code).collect(Collectors.joining(", "));
        }
    }

    static ColumnMapping parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Map<String, Target> targets = new LinkedHashMap<>();
        for (String pair : spec.split("[,\\n]")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.lastIndexOf('=');
            if (eq <= 0 || eq == pair.length() - 1 || pair.substring(0, eq).isBlank()) {
                throw new InvalidInputException("map", "'" + pair.strip() + "' must be Column=field, e.g. "
                        + "\"Full Name=name,E-mail=email\"");
            }
            String column = pair.substring(0, eq);
            String field = pair.substring(eq + 1);
            Target target = Target.fromCode(field).orElseThrow(() -> new InvalidInputException("map",
                    "'" + pair.strip() + "': unknown field '" + field.strip() + "'; use one of " + Target.codes()));
            targets.put(key(column), target);
        }
        return new ColumnMapping(targets);
    }

    Optional<Target> target(String header) {
        return Optional.ofNullable(targets.get(key(header)));
    }

    static String key(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }
}

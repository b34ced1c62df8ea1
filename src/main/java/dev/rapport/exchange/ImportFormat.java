package dev.rapport.exchange;

import java.util.Locale;
import java.util.Optional;

/** The contact file formats Rapport reads. */
public enum ImportFormat {
    VCARD, CSV;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportFormat> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "vcard", "vcf" -> Optional.of(VCARD);
            case "csv" -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }
}

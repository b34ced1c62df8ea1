package dev.rapport.exchange;

/**
 * How to import a file. All optional: format and CSV delimiter are detected; the mapping names what
 * unrecognised CSV columns hold ("Full Name=name,E-mail=email").
 *
 * @param format    null to detect; else the file must be this format
 * @param delimiter null to detect from the header line; else one of , ; or tab
 */
public record ImportOptions(boolean dryRun, String map, ImportFormat format, Character delimiter) {
    public static ImportOptions defaults(boolean dryRun) {
        return new ImportOptions(dryRun, null, null, null);
    }
}

package dev.rapport.exchange;

/** The client export formats, with their media type and file extension. */
public enum ExportFormat {
    CSV("text/csv", "csv"), VCARD("text/vcard", "vcf");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** "audit" action code, e.g. export.clients.csv */
    public String auditAction() {
        return "export.clients." + extension;
    }
}

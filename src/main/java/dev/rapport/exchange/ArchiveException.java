package dev.rapport.exchange;

/** An archive that cannot be restored (damaged, changed, wrong version, does not fit the schema). */
public class ArchiveException extends RuntimeException {
    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.rapport.shared;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** A second server on the same embedded database gets a clear message instead of a stack trace. */
class DatabaseInUseFailureAnalyzer implements FailureAnalyzer {
    /** H2's "Database may be already in use" error code. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return new FailureAnalysis(
                        "The embedded database is already in use by another Rapport process.",
                        "Stop the other Rapport server first, or start this one on another database with "
                                + "--db-url (for example jdbc:h2:file:./other/rapport or a PostgreSQL URL).",
                        failure);
            }
        }
        return null;
    }
}

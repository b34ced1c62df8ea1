package dev.rapport.exchange;

import java.time.LocalDate;

/**
 * The digest as a user sees it in Settings.
 *
 * @param mailConfigured false while the server has no SMTP settings: then no digest is sent at all
 * @param lastSentOn the last local day a digest went out, or null
 * @param nextOn the local day of the next digest (sent from the hour on), or null while off
 */
public record DigestStatus(boolean enabled, int hour, String timeZone, String email, boolean mailConfigured,
                           LocalDate lastSentOn, LocalDate nextOn) {
}

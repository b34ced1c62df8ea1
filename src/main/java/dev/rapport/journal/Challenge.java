package dev.rapport.journal;

import java.time.LocalDate;

/** A 24-hour (one day) or working-week challenge over local days. */
public record Challenge(long id, LocalDate firstDay, LocalDate lastDay) {
}

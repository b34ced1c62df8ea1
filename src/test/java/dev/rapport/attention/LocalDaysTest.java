package dev.rapport.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The engine's cheap local days agree with java.time's, across offsets, DST changes and midnights. */
class LocalDaysTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Amsterdam"),
            ZoneId.of("America/St_Johns"), ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Pago_Pago"),
            ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/Sao_Paulo"), ZoneId.of("+05:30"), ZoneId.of("-11:00"));

    @Test
    void localDayOfAnInstantIsWhatAtZoneSays() {
        Random random = new Random(7);
        for (ZoneId zone : ZONES) {
            LocalDays days = LocalDays.in(zone);
            assertThat(days.of(null)).isNull();
            for (int i = 0; i < 20_000; i++) {
                // 1900 to 2100, and some right around midnights
                long second = -2_208_988_800L + (long) (random.nextDouble() * 6_311_433_600L);
                Instant at = Instant.ofEpochSecond(i % 4 == 0 ? second - second % 900 - random.nextInt(2) : second);
                assertThat(days.of(at)).as("%s in %s", at, zone).isEqualTo(at.atZone(zone).toLocalDate());
            }
        }
    }

    @Test
    void startOfADayIsTheFirstInstantWhoseLocalDayItIs() {
        for (ZoneId zone : ZONES) {
            LocalDays days = LocalDays.in(zone);
            for (LocalDate day = LocalDate.of(2025, 1, 1); day.isBefore(LocalDate.of(2027, 1, 1)); day = day.plusDays(1)) {
                Instant start = days.startOf(day);
                assertThat(days.of(start)).as("%s in %s", day, zone).isEqualTo(day);
                assertThat(days.of(start.minusNanos(1))).as("%s in %s", day, zone).isEqualTo(day.minusDays(1));
            }
        }
    }
}

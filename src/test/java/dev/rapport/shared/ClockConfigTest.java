package dev.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ClockConfigTest {
    @Test
    void theApplicationClockTicksInMicrosecondsAndStillGivesMillis() {
        Clock clock = new ClockConfig().clock();
        assertThat(clock.instant().getNano() % 1000).isZero();
        assertThat(clock.millis()).isPositive();
        assertThat(clock.withZone(ZoneId.of("Europe/Amsterdam")).getZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    }
}

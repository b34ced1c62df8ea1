package dev.rapport.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The honeymoon reason's rates read exactly as String.format's "%.1f" wrote them. */
class OneDecimalTest {
    @Test
    void agreesWithFormatOnRatesHalvesAndAnyMagnitude() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double x = switch (i % 4) {
                // rates as Honeymoon computes them: weight * 30 / days
                case 0 -> random.nextInt(5_000) * 30.0 / (1 + random.nextInt(120));
                // halves at the rounding point, in binary they are a little above or below
                case 1 -> (random.nextInt(100_000) + 0.5) / 10.0;
                case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(16) - 6);
                default -> random.nextInt(1_000) / 100.0;
            };
            assertThat(AttentionEngine.oneDecimal(x)).as("%s", x).isEqualTo(String.format(Locale.ROOT, "%.1f", x));
        }
        for (double x : new double[] {0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.95, 2.45, 9.95, 99.95, 1e-7, 1e7 + 0.05,
                12345678.25, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThat(AttentionEngine.oneDecimal(x)).as("%s", x).isEqualTo(String.format(Locale.ROOT, "%.1f", x));
        }
    }
}

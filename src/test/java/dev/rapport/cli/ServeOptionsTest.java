package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ServeOptionsTest {
    @Test
    void theBeanPlanIsOnUnlessRapportAotIsOff() {
        assertThat(ServeOptions.beanPlan(Map.of())).isTrue();
        assertThat(ServeOptions.beanPlan(Map.of("RAPPORT_AOT", " On "))).isTrue();
        assertThat(ServeOptions.beanPlan(Map.of("RAPPORT_AOT", "OFF"))).isFalse();
    }

    @Test
    void anyOtherValueIsRefusedByName() {
        assertThatThrownBy(() -> ServeOptions.beanPlan(Map.of("RAPPORT_AOT", "of")))
                .isInstanceOf(CliException.class).hasMessage("RAPPORT_AOT must be on or off, not 'of'");
    }
}

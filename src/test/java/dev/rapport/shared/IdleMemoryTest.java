package dev.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.junit.jupiter.api.Test;

class IdleMemoryTest {
    /** Options at their defaults unless named in {@code setByOperator}; records what was set, in order. */
    private static final class FakeOptions implements IdleMemory.VmOptions {
        final Map<String, String> set = new LinkedHashMap<>();
        final Map<String, VMOption> options = new HashMap<>();
        final boolean g1;
        final Set<String> refused;

        FakeOptions(boolean g1, Set<String> setByOperator, Set<String> refused) {
            this.g1 = g1;
            this.refused = refused;
            for (String name : new String[] {"MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval"}) {
                options.put(name, new VMOption(name, "0", true, setByOperator.contains(name)
                        ? VMOption.Origin.VM_CREATION : VMOption.Origin.DEFAULT));
            }
        }

        @Override
        public boolean g1() {
            return g1;
        }

        @Override
        public Optional<VMOption> get(String name) {
            return Optional.ofNullable(options.get(name));
        }

        @Override
        public void set(String name, String value) {
            if (refused.contains(name)) {
                throw new IllegalArgumentException("refused");
            }
            set.put(name, value);
        }
    }

    @Test
    void anIdleMinuteCollectsAndTheHeapShrinksToThirtyPercentFree() {
        var options = new FakeOptions(true, Set.of(), Set.of());
        assertThat(new IdleMemory(Duration.ofSeconds(60), options).apply())
                .containsExactly("MinHeapFreeRatio=10", "MaxHeapFreeRatio=30", "G1PeriodicGCInterval=60000");
        assertThat(options.set.keySet()).as("the minimum before the maximum")
                .containsExactly("MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval");
    }

    @Test
    void theOperatorsOwnOptionsWin() {
        var options = new FakeOptions(true, Set.of("MaxHeapFreeRatio"), Set.of());
        assertThat(new IdleMemory(Duration.ofSeconds(30), options).apply())
                .containsExactly("MinHeapFreeRatio=10", "G1PeriodicGCInterval=30000");
    }

    @Test
    void nothingChangesWhenOffOnAnotherCollectorOrWhenTheJvmRefuses() {
        assertThat(new IdleMemory(Duration.ZERO, new FakeOptions(true, Set.of(), Set.of())).apply()).isEmpty();
        assertThat(new IdleMemory(Duration.ofSeconds(60), new FakeOptions(false, Set.of(), Set.of())).apply())
                .isEmpty();
        assertThat(new IdleMemory(Duration.ofSeconds(60), new FakeOptions(true, Set.of(), Set.of("MinHeapFreeRatio")))
                .apply()).containsExactly("MaxHeapFreeRatio=30", "G1PeriodicGCInterval=60000");
    }

    @Test
    void theRealJvmTakesTheOptionsWhenItRunsG1() {
        boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(gc -> gc.getName()
                .startsWith("G1"));
        var bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        VMOption before = bean.getVMOption("G1PeriodicGCInterval");
        var applied = new IdleMemory(Duration.ofSeconds(60)).apply();
        if (g1 && before.getOrigin() == VMOption.Origin.DEFAULT) {
            assertThat(applied).contains("G1PeriodicGCInterval=60000");
            assertThat(bean.getVMOption("G1PeriodicGCInterval").getValue()).isEqualTo("60000");
        } else {
            assertThat(applied).doesNotContain("G1PeriodicGCInterval=60000");
        }
    }
}

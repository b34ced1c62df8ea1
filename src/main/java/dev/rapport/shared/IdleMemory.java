package dev.rapport.shared;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An idle server gives memory back. G1 keeps the heap it grew to while starting (several times the
 * live data) and collects nothing while no request comes, so an idle server stayed at about 380 MB
 * resident. A collection after each idle minute, and a heap held within 30% free of the live data
 * after marking, bring it to about 250 MB. These HotSpot options are manageable (settable at run
 * time); an option the operator set on the command line is left as it is.
 */
@Component
@ConditionalOnWebApplication
class IdleMemory {
    private static final Logger log = LoggerFactory.getLogger(IdleMemory.class);

    /** The JVM's options as far as this class needs them (a fake in tests). */
    interface VmOptions {
        boolean g1();

        /** The option's value if the JVM has it and it may be changed now, and whether it is still the default. */
        Optional<VMOption> get(String name);

        void set(String name, String value);
    }

    private final Duration interval;
    private final VmOptions options;

    @Autowired
    IdleMemory(@Value("${rapport.memory.idle-collection}") Duration interval) {
        this(interval, hotSpot());
    }

    IdleMemory(Duration interval, VmOptions options) {
        this.interval = interval;
        this.options = options;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        List<String> set = apply();
        if (!set.isEmpty()) {
            log.debug("Idle memory return: {}", set);
        }
    }

    /** Sets the options still at their defaults; returns what it set (name=value). Zero interval: nothing. */
    List<String> apply() {
        List<String> set = new ArrayList<>();
        if (interval.isZero() || interval.isNegative() || options == null || !options.g1()) {
            return set;
        }
        // the minimum first: lowering the maximum below the default minimum would be refused
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("MinHeapFreeRatio", "10");
        wanted.put("MaxHeapFreeRatio", "30");
        wanted.put("G1PeriodicGCInterval", Long.toString(interval.toMillis()));
        wanted.forEach((name, value) -> options.get(name)
                .filter(o -> o.isWriteable() && o.getOrigin() == VMOption.Origin.DEFAULT)
                .ifPresent(o -> {
                    try {
                        options.set(name, value);
                        set.add(name + "=" + value);
                    } catch (IllegalArgumentException e) {
                        log.debug("JVM option {} not changed: {}", name, e.getMessage());
                    }
                }));
        return set;
    }

    private static VmOptions hotSpot() {
        HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (bean == null) {
            return null;
        }
        return new VmOptions() {
            @Override
            public boolean g1() {
                return ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .anyMatch(gc -> gc.getName().startsWith("G1"));
            }

            @Override
            public Optional<VMOption> get(String name) {
                try {
                    return Optional.of(bean.getVMOption(name));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }

            @Override
            public void set(String name, String value) {
                bean.setVMOption(name, value);
            }
        };
    }
}

package dev.rapport.cli;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A start about to use the build-time bean plan goes without it (slower, same program) when a setting
 * that decides which beans exist reads differently now, e.g. an SMTP host set only at run time.
 * Runs once the configuration files are read, before the application context is created.
 */
public final class BeanPlanCheck implements EnvironmentPostProcessor, Ordered {
    static final String AOT_ENABLED = "spring.aot.enabled";
    private final Log log;

    public BeanPlanCheck(DeferredLogFactory logs) {
        this.log = logs.getLog(BeanPlanCheck.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!AotDetector.useGeneratedArtifacts()) {
            return;
        }
        Map<String, String> atBuild = BeanPlanSettings.atBuild(application.getClassLoader());
        String difference = atBuild == null ? "(no record)" : BeanPlanSettings.firstDifference(atBuild,
                BeanPlanSettings.of(environment));
        if (difference != null) {
            System.clearProperty(AOT_ENABLED);
            log.info("Starting without the build-time bean plan (a slower start): " + difference
                    + " is not set as it was at build time");
        } else {
            log.info("Starting with the build-time bean plan (RAPPORT_AOT=off starts without it)");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

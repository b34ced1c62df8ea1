package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The server's start with the bean plan Spring AOT made at `mvn package` (this test runs after it, on
 * target/classes): the same beans as a start that scans and evaluates every condition, a start whose
 * bean-shaping settings differ from the build's goes without the plan, and an SMTP server is not one.
 */
class BeanPlanIntegrationTest {
    @TempDir
    Path dir;

    @AfterEach
    void planOff() {
        System.clearProperty(BeanPlanCheck.AOT_ENABLED);
    }

    private Map<String, String> server(String name) {
        Map<String, String> props = new HashMap<>();
        props.put("spring.datasource.url", H2Url.complete("jdbc:h2:file:" + dir.resolve(name), true));
        props.put("server.port", "0");
        return props;
    }

    /**
     * The application's beans. Left out: Spring's own annotation processors, which the plan replaces
     * with code, and Boot's Gson converter configuration: Gson is on the tests' class path only (Playwright
     * brings it), not on the application's that the plan was made for.
     */
    private static Set<String> beans(ConfigurableApplicationContext context) {
        Set<String> names = new TreeSet<>(Arrays.asList(context.getBeanDefinitionNames()));
        names.removeIf(n -> n.startsWith("org.springframework.context.annotation.internal")
                || n.startsWith("org.springframework.boot.autoconfigure.internal")
                || n.equals("org.springframework.boot.http.converter.autoconfigure.GsonHttpMessageConvertersConfiguration"));
        return names;
    }

    @Test
    void theBuildMadeAPlanAndRecordedItsSettings() {
        assertThat(getClass().getClassLoader().getResource(
                ServerLauncher.BEAN_PLAN.replace('.', '/') + ".class")).as("run after mvn package").isNotNull();
        assertThat(BeanPlanSettings.atBuild(getClass().getClassLoader()))
                .containsEntry("rapport.jobs.enabled", "true").doesNotContainKey("spring.datasource.url");
    }

    @Test
    void thePlanGivesTheSameBeansAsScanning() {
        Set<String> scanned;
        try (ConfigurableApplicationContext context = ServerLauncher.start(server("scanned"), true, false)) {
            assertThat(System.getProperty(BeanPlanCheck.AOT_ENABLED)).isNull();
            scanned = beans(context);
        }
        try (ConfigurableApplicationContext context = ServerLauncher.start(server("planned"), true, true)) {
            assertThat(System.getProperty(BeanPlanCheck.AOT_ENABLED)).as("the plan was used").isEqualTo("true");
            assertThat(beans(context)).containsExactlyInAnyOrderElementsOf(scanned);
        }
    }

    @Test
    void aBeanShapingSettingThatDiffersFromTheBuildStartsWithoutThePlan() {
        Map<String, String> props = server("jobs");
        props.put("rapport.jobs.enabled", "false");
        try (ConfigurableApplicationContext context = ServerLauncher.start(props, true, true)) {
            assertThat(System.getProperty(BeanPlanCheck.AOT_ENABLED)).as("the plan was not used").isNull();
            assertThat(context.containsBean("org.springframework.context.annotation.internalScheduledAnnotationProcessor"))
                    .as("no scheduled jobs").isFalse();
        }
    }

    @Test
    void anSmtpServerSetOnlyAtStartKeepsThePlanAndTurnsTheDigestOn() {
        Map<String, String> props = server("mail");
        props.put("spring.mail.host", "smtp.example.com");
        try (ConfigurableApplicationContext context = ServerLauncher.start(props, true, true)) {
            assertThat(System.getProperty(BeanPlanCheck.AOT_ENABLED)).as("the plan was used").isEqualTo("true");
            assertThat(context.getBean(JavaMailSenderImpl.class).getHost()).isEqualTo("smtp.example.com");
            assertThat(context.getBean(dev.rapport.exchange.DigestService.class).mailConfigured()).isTrue();
        }
    }
}

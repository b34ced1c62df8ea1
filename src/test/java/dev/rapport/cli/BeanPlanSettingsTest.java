package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class BeanPlanSettingsTest {
    @Test
    void settingsThatAddOrRemoveBeansCountValuesOnlyDoNot() {
        assertThat(BeanPlanSettings.shapesBeans("spring.mail.jndi-name")).isTrue();
        assertThat(BeanPlanSettings.shapesBeans("management.server.port")).isTrue();
        assertThat(BeanPlanSettings.shapesBeans("spring.profiles.active")).isTrue();
        assertThat(BeanPlanSettings.shapesBeans("rapport.jobs.enabled")).isTrue();
        assertThat(BeanPlanSettings.shapesBeans("debug")).isTrue();
        assertThat(BeanPlanSettings.shapesBeans("spring.datasource.url")).isFalse();
        assertThat(BeanPlanSettings.shapesBeans("spring.mail.password")).isFalse();
        assertThat(BeanPlanSettings.shapesBeans("spring.mail.host")).as("always set, empty by default").isFalse();
        assertThat(BeanPlanSettings.shapesBeans("server.port")).isFalse();
        assertThat(BeanPlanSettings.shapesBeans("spring.application.pid")).isFalse();
        assertThat(BeanPlanSettings.shapesBeans("rapport.demo")).isFalse();
    }

    private static StandardEnvironment environment(Map<String, Object> first, Map<String, Object> variables) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, Map.of()));
        env.getPropertySources().addFirst(new MapPropertySource("arguments", first));
        return env;
    }

    @Test
    void readsEnvironmentVariablesByTheirPropertyNameTheFirstSourceWinning() {
        StandardEnvironment env = environment(Map.of("rapport.jobs.enabled", "${JOBS:false}"),
                Map.of("SPRING_PROFILES_ACTIVE", "prod", "RAPPORT_JOBS_ENABLED", "true",
                        "SPRING_DATASOURCE_URL", "jdbc:h2:mem:x"));
        assertThat(BeanPlanSettings.of(env)).containsEntry("spring.profiles.active", "prod")
                .containsEntry("rapport.jobs.enabled", "false").doesNotContainKey("spring.datasource.url");
    }

    @Test
    void namesTheFirstSettingThatDiffers() {
        assertThat(BeanPlanSettings.firstDifference(Map.of("a", "1"), Map.of("a", "1"))).isNull();
        assertThat(BeanPlanSettings.firstDifference(Map.of("a", "1"), Map.of("a", "2"))).isEqualTo("a");
        assertThat(BeanPlanSettings.firstDifference(Map.of("a", "1"), Map.of("a", "1", "b", "x"))).isEqualTo("b");
        assertThat(BeanPlanSettings.firstDifference(Map.of("a", "1", "c", "x"), Map.of("a", "1"))).isEqualTo("c");
    }

    @Test
    void theRecordReadsBackAndNoRecordMeansNoPlan(@TempDir Path dir) throws IOException {
        Map<String, String> settings = Map.of("spring.mail.host", "smtp:25 = \u00e9", "management.health.mail.enabled",
                "false");
        String written = BeanPlanSettings.write(settings);
        assertThat(written).doesNotContain("#").isEqualTo(BeanPlanSettings.write(settings));
        try (URLClassLoader none = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(BeanPlanSettings.atBuild(none)).isNull();
        }
        Path file = dir.resolve(BeanPlanSettings.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, written, StandardCharsets.ISO_8859_1);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(BeanPlanSettings.atBuild(loader)).isEqualTo(settings);
        }
    }
}

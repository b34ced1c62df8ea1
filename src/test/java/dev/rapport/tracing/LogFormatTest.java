package dev.rapport.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LogFormatTest {

    private static MockEnvironment run(MockEnvironment env) {
        new LogFormat().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void textIsTheDefaultAndAddsNoStructuredFormat() {
        assertThat(run(new MockEnvironment()).containsProperty(LogFormat.STRUCTURED)).isFalse();
        assertThat(run(new MockEnvironment().withProperty(LogFormat.PROPERTY, "text"))
                .containsProperty(LogFormat.STRUCTURED)).isFalse();
    }

    @Test
    void jsonMeansElasticCommonSchemaAndBootsFormatsPassThrough() {
        assertThat(run(new MockEnvironment().withProperty(LogFormat.PROPERTY, "JSON"))
                .getProperty(LogFormat.STRUCTURED)).isEqualTo("ecs");
        assertThat(run(new MockEnvironment().withProperty(LogFormat.PROPERTY, "logstash"))
                .getProperty(LogFormat.STRUCTURED)).isEqualTo("logstash");
    }

    @Test
    void anExplicitStructuredFormatWins() {
        MockEnvironment env = new MockEnvironment().withProperty(LogFormat.PROPERTY, "json")
                .withProperty(LogFormat.STRUCTURED, "gelf");
        assertThat(run(env).getProperty(LogFormat.STRUCTURED)).isEqualTo("gelf");
    }

    @Test
    void anUnknownFormatStopsTheStartWithTheChoices() {
        assertThatThrownBy(() -> run(new MockEnvironment().withProperty(LogFormat.PROPERTY, "xml")))
                .hasMessageContaining("text, json, ecs, logstash or gelf");
    }
}

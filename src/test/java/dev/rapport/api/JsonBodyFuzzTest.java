package dev.rapport.api;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.rapport.support.Fuzzing;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes every JSON request body of the API: the request types are read from the controllers'
 * {@code @RequestBody} parameters and the mapper is Spring Boot's, configured by the app's own
 * {@code spring.jackson.*} properties. A body either binds, or fails with a Jackson error that the
 * app's {@link ProblemHandler} turns into a 400 or 422 problem in plain words; nothing else.
 * Seeds: src/test/resources/dev/rapport/api/JsonBodyFuzzTestInputs/jsonBody/.
 */
class JsonBodyFuzzTest {
    private static JsonMapper json;
    private static List<JavaType> bodies;

    @BeforeAll
    static void appMapperAndRequestTypes() throws IOException {
        Properties app = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        List<String> jackson = new ArrayList<>();
        app.stringPropertyNames().stream().filter(k -> k.startsWith("spring.jackson."))
                .forEach(k -> jackson.add(k + "=" + app.getProperty(k)));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withPropertyValues(jackson.toArray(String[]::new))
                .run(context -> json = context.getBean(JsonMapper.class));
        bodies = requestBodyTypes(json);
        if (bodies.size() < 15) {
            throw new AssertionError("too few request bodies found: " + bodies);
        }
    }

    /** Every distinct @RequestBody type of the API's controllers, in a stable order. */
    static List<JavaType> requestBodyTypes(JsonMapper mapper) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(RestController.class));
        Map<String, JavaType> types = new java.util.TreeMap<>();
        for (BeanDefinition bean : scanner.findCandidateComponents(JsonBodyFuzzTest.class.getPackageName())) {
            Class<?> controller;
            try {
                controller = Class.forName(bean.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            for (Method m : controller.getDeclaredMethods()) {
                for (Parameter p : m.getParameters()) {
                    if (p.isAnnotationPresent(RequestBody.class)) {
                        Type t = p.getParameterizedType();
                        types.putIfAbsent(t.getTypeName(), mapper.constructType(t));
                    }
                }
            }
        }
        return List.copyOf(new LinkedHashMap<>(types).values());
    }

    @FuzzTest(maxDuration = "30s")
    void jsonBody(FuzzedDataProvider in) {
        JavaType type = bodies.get(in.consumeInt(0, bodies.size() - 1));
        byte[] body = in.consumeRemainingAsBytes();
        try {
            json.readValue(body, type);
        } catch (JacksonException e) {
            // what Spring's JSON converter does with it, then the app's answer
            var unreadable = new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e,
                    new MockHttpInputMessage(body));
            ResponseEntity<Object> answer = new ProblemHandler().handleHttpMessageNotReadable(unreadable,
                    new HttpHeaders(), HttpStatus.BAD_REQUEST, new ServletWebRequest(new MockHttpServletRequest()));
            if (answer == null || !(answer.getBody() instanceof ProblemDetail problem)) {
                throw new AssertionError("no problem detail for " + type + ": " + e);
            }
            int status = answer.getStatusCode().value();
            if (status != 400 && status != 422) {
                throw new AssertionError(status + " for " + type + ": " + e);
            }
            Fuzzing.assertClear(type + " (" + status + ")", problem.getDetail(), Fuzzing.text(body));
        }
    }
}

package dev.rapport.api;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document at /api/openapi.json: bearer tokens, and problem details on every operation. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {
    private static final String BEARER = "bearer";
    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Malformed request (problem detail with line and column for JSON)",
            "401", "Missing, unknown or revoked token",
            "404", "Not found in your team",
            "422", "Invalid input: errors lists every field and reason");

    static {
        // the signed-in user is resolved from the token, never sent by the client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    OpenAPI rapportOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Rapport API").version("v1")
                        .description("Relationship-first CRM. Authenticate with a personal token: "
                                + "POST /api/v1/auth/tokens, then 'Authorization: Bearer <token>'."))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            Schema<?> problem = new Schema<>().$ref("#/components/schemas/ProblemDetail");
            ArraySchema errors = new ArraySchema();
            errors.setItems(new ObjectSchema().addProperty("field", new StringSchema())
                    .addProperty("reason", new StringSchema()));
            openApi.getComponents().addSchemas("ProblemDetail", new ObjectSchema()
                    .addProperty("type", new StringSchema())
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema())
                    .addProperty("errors", errors));
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(op ->
                    PROBLEMS.forEach((code, text) -> op.getResponses().putIfAbsent(code, new ApiResponse()
                            .description(text).content(new Content().addMediaType("application/problem+json",
                                    new MediaType().schema(problem)))))));
        };
    }
}

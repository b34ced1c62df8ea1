package dev.rapport.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small REST client for the Rapport API; problems become one-line CLI errors. */
final class ApiClient {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String token;

    ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    static ApiClient from(CliContext ctx) {
        CliConfig config = CliConfig.load(ctx);
        Output.useZone(config.zone());
        return new ApiClient(config.url(), config.token());
    }

    /** The signed-in user's local date, from the server (which holds the clock and their time zone). */
    java.time.LocalDate today() {
        return java.time.LocalDate.parse(Output.text(get("/api/v1/me", Map.of()), "today"));
    }

    JsonNode get(String path, Map<String, String> query) {
        return send("GET", path + queryString(query), null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    JsonNode send(String method, String path, Object body) {
        return handle(raw(method, path, body, "application/json"));
    }

    /**
     * Uploads a file as multipart/form-data (part "file") with form fields, streaming it from disk.
     * Imports of big files take a while: the answer may come minutes later.
     */
    JsonNode upload(String path, java.nio.file.Path file, Map<String, String> fields) {
        String boundary = "----rapport" + java.util.UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> {
            if (v != null) {
                head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(k)
                        .append("\"\r\n\r\n").append(v).append("\r\n");
            }
        });
        String name = file.getFileName().toString().replace("\"", "");
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8),
                    HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        } catch (java.io.FileNotFoundException e) {
            throw new CliException("cannot read " + file + ": no such file");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofMinutes(30)).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body);
        return handle(send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** Streams a download (an export) into out; an error answer is reported like any other. */
    void download(String path, java.io.OutputStream out) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofMinutes(30)).header("Accept", "*/*").GET();
        HttpResponse<java.io.InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream in = response.body()) {
            if (response.statusCode() / 100 != 2) {
                handle(new String(in.readAllBytes(), StandardCharsets.UTF_8), response.statusCode());
            }
            in.transferTo(out);
        } catch (IOException e) {
            throw new CliException("download from " + baseUrl + " failed: " + e.getMessage());
        }
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), handler);
        } catch (ConnectException e) {
            throw new CliException("cannot reach " + baseUrl + ": is the server running?");
        } catch (IOException e) {
            throw new CliException("cannot talk to " + baseUrl + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    /** A non-JSON resource (e.g. an SVG chart) as text; errors are reported like any other. */
    String text(String path) {
        HttpResponse<String> response = raw("GET", path, null, "*/*");
        if (response.statusCode() / 100 != 2) {
            handle(response);
        }
        return response.body();
    }

    private HttpResponse<String> raw(String method, String path, Object body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new CliException("cannot reach " + baseUrl + ": is the server running?");
        } catch (IOException e) {
            throw new CliException("cannot talk to " + baseUrl + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        return response;
    }

    private static JsonNode handle(HttpResponse<String> response) {
        return handle(response.body(), response.statusCode());
    }

    private static JsonNode handle(String body, int status) {
        JsonNode json = parse(body);
        if (status / 100 == 2) {
            return json;
        }
        if (status == 401) {
            throw new CliException("not signed in or the token was revoked: run `rapport login <server-url>`");
        }
        StringBuilder message = new StringBuilder("error " + status);
        String detail = Output.text(json, "detail");
        if (json.has("errors") && json.get("errors").isArray() && !json.get("errors").isEmpty()) {
            for (JsonNode e : json.get("errors")) {
                message.append("\n  ").append(Output.text(e, "field")).append(": ").append(Output.text(e, "reason"));
            }
        } else if (detail != null) {
            message.append(": ").append(detail);
        }
        throw new CliException(message.toString());
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        Map<String, String> present = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (v != null) {
                present.put(k, v);
            }
        });
        if (present.isEmpty()) {
            return "";
        }
        return "?" + present.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

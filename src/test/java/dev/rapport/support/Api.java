package dev.rapport.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny HTTP client for API tests: raw bodies in, status and parsed JSON out. */
public final class Api {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String token;

    public Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String token() {
        return token;
    }

    /** Uploads a file (multipart part "file") with form fields; see {@link Multipart}. */
    public Response upload(String path, String filename, byte[] content, java.util.Map<String, String> fields) {
        return Multipart.upload(baseUrl + path, token, filename, content, fields);
    }

    public record Response(int status, JsonNode json, String body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static final String BOUNDARY = "rapport-test-boundary";

    /** A multipart body with one file part, for upload endpoints; pass it as any request body. */
    public static String multipartFile(String field, String filename, String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    /** A GET with one more request header (e.g. If-None-Match). */
    public Response get(String path, String header, String value) {
        return send("GET", path, null, java.util.Map.of(header, value));
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, String body) {
        return send(method, path, body, java.util.Map.of());
    }

    private Response send(String method, String path, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path));
        headers.forEach(b::header);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            // a body that starts with a multipart boundary is a file upload (see multipartFile)
            b.header("Content-Type", body.startsWith("--" + BOUNDARY) ? "multipart/form-data; boundary=" + BOUNDARY
                    : "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : parse(r.body());
            return new Response(r.statusCode(), json, r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    /** The fields a 422 problem names, in order (empty when it names none). */
    public static java.util.List<String> fields(Response r) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        if (r.json().has("errors")) {
            r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        }
        return fields;
    }

    /**
     * A problem body without its {@code requestId}, the one part that differs on every request:
     * for checks that two answers are the same (no account or id enumeration).
     */
    public static String withoutRequestId(String body) {
        return body.replaceAll(",?\"requestId\":\"[A-Za-z0-9._-]*\"", "");
    }

    /** Builds JSON from single quotes so test bodies stay readable. */
    public static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}

package dev.rapport.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript for tests of the web UI's security: keeps its cookies (they can be
 * carried to another server), never follows redirects, and fills in the CSRF token of the last
 * page it read.
 */
public final class WebClient {
    public static final String SESSION_COOKIE = "RAPPORT_SESSION";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private String baseUrl;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    public WebClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Page(int status, String body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** Where a redirect goes, without scheme, host and port. */
        public String location() {
            String l = header("Location");
            return l == null ? null : l.replaceFirst("^https?://[^/]+", "");
        }
    }

    /** The same browser pointed at another server (another app instance). */
    public WebClient at(String otherBaseUrl) {
        this.baseUrl = otherBaseUrl;
        return this;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** POSTs a form with the CSRF token from the last page read (read one first). */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Reads the sign-in page, then posts the form; the answer is the redirect (or 429). */
    public Page signIn(String email, String password) {
        return signIn(email, password, null);
    }

    public Page signIn(String email, String password, String code) {
        Page login = get("/login");
        if (login.status() != 200) {
            throw new IllegalStateException("GET /login answered " + login.status());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("password", password);
        if (code != null) {
            form.put("code", code);
        }
        return post("/login", form);
    }

    private Page send(HttpRequest.Builder b) {
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : r.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            Matcher m = CSRF.matcher(r.body() == null ? "" : r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Page(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package dev.rapport.teams;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import dev.rapport.limits.ApiRateLimit;
import dev.rapport.limits.ProblemResponses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Spring Security's own observations off: with an observation registry present it would wrap each of
     * its filters in an observation on every request (about a tenth of the CPU of a cached queue answer).
     * Request metrics still come from Spring MVC's observation of the whole request.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The API: bearer tokens only, no session and no cookies, so no CSRF surface. */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AccountService accounts, ApiRateLimit rateLimit) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/openapi.json", "/api/openapi.json/**", "/api/v1/auth/tokens",
                                "/api/v1/invitations/*", "/api/v1/invitations/*/accept").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new TokenAuthenticationFilter(accounts), AnonymousAuthenticationFilter.class)
                // after authentication, so a valid token spends from its own bucket
                .addFilterBefore(rateLimit.filter(), AuthorizationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, HttpStatus.UNAUTHORIZED,
                                "Send a valid API token: Authorization: Bearer <token>"))
                        .accessDeniedHandler((req, res, ex) -> problem(res, HttpStatus.FORBIDDEN,
                                "Your role does not allow this action")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * Browser pages: session login with CSRF protection. The sign-in page is the web UI's own
     * template; any failure lands on one generic message so emails cannot be enumerated.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, PasswordAuthenticationProvider provider, AccountService accounts)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/webjars/**", "/actuator/health", "/actuator/health/**", "/error",
                                "/login", "/login-throttled", "/invite/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico", "/favicon.svg").permitAll()
                        // capability links: the secret token in the URL is the credential (exchange feature)
                        .requestMatchers("/ical/**", "/digest/unsubscribe").permitAll()
                        .anyRequest().authenticated())
                // RFC 8058 one-click unsubscribe comes from mail providers, without a CSRF token
                .csrf(csrf -> csrf.ignoringRequestMatchers("/digest/unsubscribe"))
                // this provider alone: as a bean it is also Spring's global provider, and a parent
                // manager holding it would check every failed sign-in twice (two hashes, two failures)
                .authenticationManager(new ProviderManager(provider))
                .formLogin(form -> form.loginPage("/login").usernameParameter("email")
                        .authenticationDetailsSource(SignInDetails::of)
                        .failureHandler(SecurityConfig::signInFailed)
                        .successHandler(new SignedInRedirect()).permitAll())
                .addFilterBefore(new SessionUserFilter(accounts), AuthorizationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .rememberMe(remember -> remember.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The only authentication provider: with it as a bean, Boot configures no default user and no
     * fallback manager that could accept anything but a Rapport account.
     */
    @Bean
    PasswordAuthenticationProvider passwordAuthenticationProvider(SignInService signIn) {
        return new PasswordAuthenticationProvider(signIn);
    }

    /** Wrong credentials: back to the form with one generic message. Throttled: 429 with Retry-After. */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
                                     AuthenticationException e) throws IOException, ServletException {
        if (e instanceof PasswordAuthenticationProvider.Throttled throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            request.getRequestDispatcher("/login-throttled").forward(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse res, HttpStatus status, String detail)
            throws java.io.IOException {
        ProblemResponses.write(res, status, detail);
    }
}

package dev.rapport.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class RequestIdsTest {

    @Test
    void aWellFormedIncomingIdIsKept() {
        assertThat(RequestIds.accept("abc-123_X.y")).isEqualTo("abc-123_X.y");
        String max = "a".repeat(64);
        assertThat(RequestIds.accept(max)).isEqualTo(max);
    }

    @Test
    void aMissingOrMalformedIdIsReplacedByANewOne() {
        for (String bad : new String[] {null, "", "a".repeat(65), "has space", "line\nbreak", "quote\"", "ümlaut",
            "semi;colon", "<script>"}) {
            String id = RequestIds.accept(bad);
            assertThat(id).as(String.valueOf(bad)).isNotEqualTo(bad).matches("[A-Za-z0-9._-]{1,64}");
        }
        assertThat(RequestIds.generate()).isNotEqualTo(RequestIds.generate());
    }

    @Test
    void theFilterEchoesTheIdAndKeepsItInTheMdcOnlyWhileTheRequestRuns() throws Exception {
        List<String> seen = new ArrayList<>();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/clients");
        request.addHeader(RequestIds.HEADER, "from-the-proxy-1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new RequestIdFilter().doFilter(request, response, new MockFilterChain(new Recording(seen)));
        assertThat(seen).containsExactly("from-the-proxy-1");
        assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo("from-the-proxy-1");
        assertThat(MDC.get(RequestIds.MDC_KEY)).isNull();
        assertThat(RequestIds.current()).isNull();
    }

    @Test
    void theFilterGeneratesAnIdForAnInvalidOneAndUsesItForTheErrorDispatchToo() throws Exception {
        List<String> seen = new ArrayList<>();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        request.addHeader(RequestIds.HEADER, "bad id with spaces");
        MockHttpServletResponse response = new MockHttpServletResponse();
        RequestIdFilter filter = new RequestIdFilter();
        filter.doFilter(request, response, new MockFilterChain(new Recording(seen)));
        String id = response.getHeader(RequestIds.HEADER);
        assertThat(id).isNotEqualTo("bad id with spaces").matches("[A-Za-z0-9._-]{1,64}");

        request.setDispatcherType(jakarta.servlet.DispatcherType.ERROR);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain(new Recording(seen)));
        assertThat(seen).containsExactly(id, id);
    }

    @Test
    void theAccessLogNamesTheRouteNeverASecretInThePath() {
        MockHttpServletRequest routed = new MockHttpServletRequest("GET", "/api/v1/invitations/s3cret");
        routed.setAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
                "/api/v1/invitations/{token}");
        assertThat(RequestIdFilter.route(routed)).isEqualTo("/api/v1/invitations/{token}");
        assertThat(RequestIdFilter.route(new MockHttpServletRequest("GET", "/api/v1/invitations/s3cret/accept")))
                .isEqualTo("/api/v1/invitations/...");
        assertThat(RequestIdFilter.route(new MockHttpServletRequest("GET", "/api/v1/clients")))
                .isEqualTo("/api/v1/clients");
    }

    /** A servlet that notes the request id it sees. */
    private static final class Recording extends HttpServlet {
        private final transient List<String> seen;

        Recording(List<String> seen) {
            this.seen = seen;
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) {
            seen.add(RequestIds.current());
        }
    }
}

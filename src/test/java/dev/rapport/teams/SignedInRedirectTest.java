package dev.rapport.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignedInRedirectTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://localhost:8080/clients?continue|/clients?continue",
        "http://evil.example/clients?continue|/clients?continue",
        "https://evil.example:8443/invite/abc|/invite/abc",
        "http://localhost/clients/1?tab=x&y=%2F|/clients/1?tab=x&y=%2F",
        "//evil.example/x|/x",
        "http://localhost//evil.example|/",
        "https://evil.example|/",
        "javascript:alert(1)|/",
        "http://localhost/%5C%5Cevil.example|/%5C%5Cevil.example",
        "not a url|/"})
    void keepsOnlyAPathOnThisSite(String saved, String target) {
        assertThat(SignedInRedirect.localPart(saved)).isEqualTo(target);
    }
}

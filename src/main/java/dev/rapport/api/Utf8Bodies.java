package dev.rapport.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * JSON bodies must be valid UTF-8 (RFC 8259). The JSON parser decodes some invalid sequences
 * anyway (an overlong {@code C0 AF} becomes "/"), which could slip past a check on the text, so
 * every request body is checked strictly before it is parsed; invalid bytes are a 400 problem.
 */
@ControllerAdvice(basePackageClasses = Utf8Bodies.class)
class Utf8Bodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    /** Text a body cannot hold; its message is the problem's detail. */
    static final class BadText extends CharacterCodingException {
        private final String detail;

        BadText(String detail) {
            this.detail = detail;
        }

        @Override
        public String getMessage() {
            return detail;
        }
    }

    /** A JSON escape {@code \u0000} (not an escaped backslash followed by "u0000"). */
    static boolean escapedNul(byte[] body) {
        for (int i = 0; i + 5 < body.length; i++) {
            if (body[i] == '\\' && body[i + 1] == 'u' && body[i + 2] == '0' && body[i + 3] == '0'
                    && body[i + 4] == '0' && body[i + 5] == '0') {
                int backslashes = 0;
                for (int j = i; j >= 0 && body[j] == '\\'; j--) {
                    backslashes++;
                }
                if (backslashes % 2 == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Decodes through one small buffer: the check must not hold a second copy of the body. */
    static boolean validUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !decoder.flush(out.clear()).isError();
            }
            out.clear();
        }
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        if (!validUtf8(body)) {
            throw new HttpMessageNotReadableException("the request body is not valid UTF-8", new BadText(
                    "the request body is not valid UTF-8 text"), input);
        }
        if (escapedNul(body)) {
            // PostgreSQL text cannot hold U+0000 (it would fail as a database error); no field needs one
            throw new HttpMessageNotReadableException("NUL in the request body", new BadText(
                    "the request body contains a NUL character (\\u0000), which no text field can hold"), input);
        }
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}

package dev.rapport.teams;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;

/** What the sign-in form sends besides email and password: the TOTP code, and where it came from. */
record SignInDetails(String remoteAddress, String code) implements Serializable {
    static SignInDetails of(HttpServletRequest request) {
        return new SignInDetails(request.getRemoteAddr(), request.getParameter("code"));
    }
}

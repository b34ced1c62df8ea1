package dev.rapport.web;

import java.util.Objects;

import dev.rapport.shared.Problems;

/** Creating an account from an invitation: a name and the password twice (never shown again on errors). */
record SignUpForm(String name, String password, String repeatPassword) {
    static final SignUpForm EMPTY = new SignUpForm("", "", "");

    /** The typo check the service cannot make: both passwords must be the same. */
    void checkRepeat() {
        new Problems().check(Objects.equals(password, repeatPassword), "repeatPassword",
                "does not match the password").throwIfAny();
    }

    /** What goes back into the form after an error: the name, never the passwords. */
    SignUpForm withoutPasswords() {
        return new SignUpForm(name, "", "");
    }
}

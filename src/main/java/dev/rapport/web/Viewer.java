package dev.rapport.web;

import dev.rapport.teams.CurrentUser;

/** The signed-in person as every page shows them; canWrite hides write forms from viewers. */
record Viewer(String name, String email, String role, boolean canWrite) {
    static Viewer of(CurrentUser user) {
        return new Viewer(user.displayName(), user.email(), user.role().code(), user.role().canWrite());
    }
}

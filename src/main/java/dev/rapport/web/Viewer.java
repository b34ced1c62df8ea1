package dev.rapport.web;

import dev.rapport.teams.CurrentUser;

/**
 * The signed-in person as every page shows them; canWrite hides write forms from viewers, seesTeam
 * shows the Team page to managers and owners.
 */
record Viewer(String name, String email, String role, boolean canWrite, boolean seesTeam) {
    static Viewer of(CurrentUser user) {
        return new Viewer(user.displayName(), user.email(), user.role().code(), user.role().canWrite(),
                user.role().seesTeam());
    }
}

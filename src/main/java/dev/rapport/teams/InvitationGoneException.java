package dev.rapport.teams;

import dev.rapport.shared.GoneException;

/** An invitation link that can no longer be accepted, with why (the page words each case). */
public class InvitationGoneException extends GoneException {
    private final Invitation.State state;

    public InvitationGoneException(Invitation.State state, String message) {
        super(message);
        this.state = state;
    }

    public Invitation.State state() {
        return state;
    }
}

package dev.rapport.teams;

import dev.rapport.shared.UserId;

public record Member(UserId userId, String email, String displayName, Role role) {
}

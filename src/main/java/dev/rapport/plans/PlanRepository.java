package dev.rapport.plans;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

interface PlanRepository {
    long insert(TeamId team, Plan plan);

    Optional<Plan> find(TeamId team, long id);

    List<Plan> list(TeamId team, UserId user);

    void setActive(TeamId team, long id, boolean active);

    OptionalDouble declaredCapacity(TeamId team, UserId user);

    /** Required hours per month of every member's active plans (members without any are absent). */
    java.util.Map<dev.rapport.shared.UserId, Double> activeHoursPerMonth(TeamId team);

    /** Declared capacities of the team's members, in hours per month. */
    java.util.Map<dev.rapport.shared.UserId, Double> declaredCapacities(TeamId team);

    void declareCapacity(TeamId team, UserId user, double hoursPerMonth);
}

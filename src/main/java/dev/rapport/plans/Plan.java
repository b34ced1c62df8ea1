package dev.rapport.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.rapport.clients.Channel;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.UserId;

/** A key-account plan for one client: objectives and recurring activities (seed 001). */
public record Plan(long id, ClientId clientId, UserId userId, String name, boolean active, LocalDate startsOn,
                   List<String> objectives, List<Activity> activities, Instant createdAt) {

    /** A recurring activity; channel (optional) says which touches count as doing it. */
    public record Activity(String name, Frequency frequency, int minutes, Channel channel) {
        public Activity {
            if (minutes <= 0) {
                throw new IllegalArgumentException("an activity takes some time");
            }
        }

        public double hoursPerMonth() {
            return frequency.perMonth() * minutes / 60.0;
        }
    }

    public Plan {
        objectives = List.copyOf(objectives);
        activities = List.copyOf(activities);
    }

    /** Required hours per month: the sum over activities of frequency x expected duration. */
    public double hoursPerMonth() {
        return activities.stream().mapToDouble(Activity::hoursPerMonth).sum();
    }
}

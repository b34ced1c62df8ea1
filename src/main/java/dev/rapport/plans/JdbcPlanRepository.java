package dev.rapport.plans;

import static dev.rapport.shared.Sql.instant;
import static dev.rapport.shared.Sql.ts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.rapport.clients.Channel;
import dev.rapport.shared.ClientId;
import dev.rapport.shared.TeamId;
import dev.rapport.shared.UserId;

@Repository
class JdbcPlanRepository implements PlanRepository {
    private final JdbcClient jdbc;

    JdbcPlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long insert(TeamId team, Plan p) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO account_plan (team_id, client_id, user_id, name, active, starts_on, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(team.value(), p.clientId().value(), p.userId().value(), p.name(), p.active(), p.startsOn(),
                ts(p.createdAt())).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (int i = 0; i < p.objectives().size(); i++) {
            jdbc.sql("INSERT INTO plan_objective (team_id, plan_id, position, text) VALUES (?, ?, ?, ?)")
                    .params(team.value(), id, i, p.objectives().get(i)).update();
        }
        for (int i = 0; i < p.activities().size(); i++) {
            Plan.Activity a = p.activities().get(i);
            jdbc.sql("INSERT INTO plan_activity (team_id, plan_id, position, name, frequency, minutes, channel)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(team.value(), id, i, a.name(), a.frequency().text(), a.minutes(),
                            a.channel() == null ? null : a.channel().code()).update();
        }
        return id;
    }

    @Override
    public Optional<Plan> find(TeamId team, long id) {
        return load(team, "a.id = :id", Map.of("id", id)).stream().findFirst();
    }

    @Override
    public List<Plan> list(TeamId team, UserId user) {
        return load(team, "a.user_id = :user", Map.of("user", user.value()));
    }

    @Override
    public Map<UserId, Double> activeHoursPerMonth(TeamId team) {
        Map<UserId, Double> out = new HashMap<>();
        jdbc.sql("""
                SELECT a.user_id, pa.frequency, pa.minutes FROM account_plan a
                JOIN plan_activity pa ON pa.team_id = a.team_id AND pa.plan_id = a.id WHERE a.team_id = ? AND a.active
                """).param(team.value()).query(rs -> {
                    // the same sum as Plan.hoursPerMonth, without loading whole plans
                    double hours = new Plan.Activity("", Frequency.parse(rs.getString("frequency"), "frequency"),
                            rs.getInt("minutes"), null).hoursPerMonth();
                    out.merge(new UserId(rs.getLong("user_id")), hours, Double::sum);
                });
        return out;
    }

    @Override
    public Map<UserId, Double> declaredCapacities(TeamId team) {
        Map<UserId, Double> out = new HashMap<>();
        jdbc.sql("SELECT user_id, hours_per_month FROM plan_capacity WHERE team_id = ?").param(team.value())
                .query(rs -> {
                    out.put(new UserId(rs.getLong("user_id")), rs.getDouble("hours_per_month"));
                });
        return out;
    }

    /** Plans with their objectives and activities: three queries, whatever the number of plans. */
    private List<Plan> load(TeamId team, String where, Map<String, Object> params) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("team", team.value());
        List<Plan> plans = jdbc.sql("SELECT a.id, a.client_id, a.user_id, a.name, a.active, a.starts_on, a.created_at"
                        + " FROM account_plan a WHERE a.team_id = :team AND " + where + " ORDER BY a.created_at, a.id")
                .params(p)
                .query((rs, n) -> new Plan(rs.getLong("id"), new ClientId(rs.getLong("client_id")),
                        new UserId(rs.getLong("user_id")), rs.getString("name"), rs.getBoolean("active"),
                        rs.getObject("starts_on", LocalDate.class), List.of(), List.of(), instant(rs, "created_at")))
                .list();
        if (plans.isEmpty()) {
            return plans;
        }
        List<Long> ids = plans.stream().map(Plan::id).toList();
        Map<Long, List<String>> objectives = new HashMap<>();
        jdbc.sql("SELECT plan_id, text FROM plan_objective WHERE team_id = :team AND plan_id IN (:ids)"
                        + " ORDER BY plan_id, position")
                .param("team", team.value()).param("ids", ids).query(rs -> {
                    objectives.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>()).add(rs.getString("text"));
                });
        Map<Long, List<Plan.Activity>> activities = new HashMap<>();
        jdbc.sql("SELECT plan_id, name, frequency, minutes, channel FROM plan_activity"
                        + " WHERE team_id = :team AND plan_id IN (:ids) ORDER BY plan_id, position")
                .param("team", team.value()).param("ids", ids).query(rs -> {
                    String channel = rs.getString("channel");
                    activities.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>()).add(new Plan.Activity(
                            rs.getString("name"), Frequency.parse(rs.getString("frequency"), "frequency"),
                            rs.getInt("minutes"), channel == null ? null : Channel.fromCode(channel).orElse(null)));
                });
        return plans.stream().map(x -> new Plan(x.id(), x.clientId(), x.userId(), x.name(), x.active(), x.startsOn(),
                objectives.getOrDefault(x.id(), List.of()), activities.getOrDefault(x.id(), List.of()),
                x.createdAt())).toList();
    }

    @Override
    public void setActive(TeamId team, long id, boolean active) {
        jdbc.sql("UPDATE account_plan SET active = ? WHERE id = ? AND team_id = ?").params(active, id, team.value())
                .update();
    }

    @Override
    public OptionalDouble declaredCapacity(TeamId team, UserId user) {
        return jdbc.sql("SELECT hours_per_month FROM plan_capacity WHERE team_id = ? AND user_id = ?")
                .params(team.value(), user.value()).query(Double.class).optional()
                .map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    @Override
    public void declareCapacity(TeamId team, UserId user, double hours) {
        jdbc.sql("DELETE FROM plan_capacity WHERE team_id = ? AND user_id = ?").params(team.value(), user.value())
                .update();
        jdbc.sql("INSERT INTO plan_capacity (team_id, user_id, hours_per_month) VALUES (?, ?, ?)")
                .params(team.value(), user.value(), hours).update();
    }
}

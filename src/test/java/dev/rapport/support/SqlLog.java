package dev.rapport.support;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Every SQL statement the app runs while serving HTTP requests (Tomcat's threads), in order: for
 * the checks that every tenant query filters by team and that a page's query count does not grow
 * with the data (no N+1). Import {@link Config} to install it.
 */
public final class SqlLog {
    private final List<String> statements = new ArrayList<>();

    /** Statements recorded since the last call, which starts a new recording. */
    public synchronized List<String> drain() {
        List<String> out = List.copyOf(statements);
        statements.clear();
        return out;
    }

    private synchronized void add(String sql) {
        statements.add(sql);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        SqlLog sqlLog() {
            return new SqlLog();
        }

        @Bean
        static BeanPostProcessor recordingDataSource(org.springframework.beans.factory.ObjectProvider<SqlLog> log) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource ds) || name.equals("sqlLog")) {
                        return bean;
                    }
                    return ProxyDataSourceBuilder.create(ds).name(name).afterQuery((info, queries) -> {
                        if (Thread.currentThread().getName().startsWith("http-nio")) {
                            SqlLog sink = log.getObject();
                            queries.forEach(q -> sink.add(q.getQuery()));
                        }
                    }).build();
                }
            };
        }
    }
}

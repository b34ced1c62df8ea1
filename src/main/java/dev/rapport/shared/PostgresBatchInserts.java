package dev.rapport.shared;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Batched INSERTs go to PostgreSQL as multi-row statements (pgjdbc's {@code reWriteBatchedInserts}):
 * an import of 100,000 contacts writes about 600,000 rows through batches, and PostgreSQL then
 * executes a few hundred rows per statement instead of one. Generated keys still come back in the
 * rows' order. Only for PostgreSQL URLs (H2 refuses unknown settings), and never over a value the
 * operator chose in the URL or the pool's data-source properties.
 */
@Component
class PostgresBatchInserts implements BeanPostProcessor {
    static final String PROPERTY = "reWriteBatchedInserts";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds && applies(ds.getJdbcUrl())
                && !ds.getDataSourceProperties().containsKey(PROPERTY)) {
            ds.addDataSourceProperty(PROPERTY, "true");
        }
        return bean;
    }

    static boolean applies(String url) {
        return url != null && url.startsWith("jdbc:postgresql:") && !url.contains(PROPERTY + "=");
    }
}

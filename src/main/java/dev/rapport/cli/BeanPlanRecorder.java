package dev.rapport.cli;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/** At build time (Spring AOT), records the settings the bean plan was made with, for {@link BeanPlanCheck}. */
public final class BeanPlanRecorder implements BeanFactoryInitializationAotProcessor {
    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        String settings = BeanPlanSettings.write(BeanPlanSettings.of(beanFactory.getBean(ConfigurableEnvironment.class)));
        return (generation, code) -> generation.getGeneratedFiles().addResourceFile(BeanPlanSettings.RESOURCE, settings);
    }
}

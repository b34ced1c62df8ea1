package dev.rapport.journal;

import java.util.List;

/**
 * A journal category and its class. benchmarkPercent is the published share from the agent study
 * (seed 000), or null where the study has none.
 */
public record Category(String code, String label, CategoryClass categoryClass, Double benchmarkPercent,
                       boolean builtin) {

    public static final String CLIENT_INTERACTION = "client_interaction";

    /** The default categories (PRODUCT.md) with the study's benchmark beside each. */
    public static List<Category> defaults() {
        return List.of(
                new Category(CLIENT_INTERACTION, "Client interaction", CategoryClass.EXTERNAL_CONNECTION, 4.0, true),
                new Category("internal_admin", "Internal admin", CategoryClass.INTERNAL, null, true),
                new Category("firefighting", "Firefighting", CategoryClass.FIREFIGHTING, null, true),
                new Category("email", "Email", CategoryClass.INTERNAL, 24.0, true),
                new Category("errands", "Errands", CategoryClass.INTERNAL, 30.0, true),
                new Category("phone", "Cell phone", CategoryClass.INTERNAL, 13.0, true),
                new Category("web", "Web", CategoryClass.INTERNAL, 12.0, true),
                new Category("misc", "Miscellaneous", CategoryClass.INTERNAL, 14.0, true));
    }

    /** By default only time with clients counts as contributing to customer needs (seed 003). */
    public boolean contributesByDefault() {
        return categoryClass == CategoryClass.EXTERNAL_CONNECTION;
    }
}

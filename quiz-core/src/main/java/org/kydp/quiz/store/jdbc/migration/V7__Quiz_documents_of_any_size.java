package org.kydp.quiz.store.jdbc.migration;

import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Lets a quiz version's document be as long as any document the API accepts. It was {@code VARCHAR(1000000)}, and H2
 * keeps no character string longer than about a million characters: a GIFT file of 1.4 MB, well under the request
 * limit, made a document too long to store. PostgreSQL's {@code TEXT} and H2's {@code CHARACTER LARGE OBJECT} have no
 * such limit. The two databases spell the change differently, hence a Java migration.
 */
public final class V7__Quiz_documents_of_any_size extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        boolean postgres = context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL");
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(postgres
                    ? "ALTER TABLE quiz_versions ALTER COLUMN document TYPE TEXT"
                    : "ALTER TABLE quiz_versions ALTER COLUMN document SET DATA TYPE CHARACTER LARGE OBJECT");
        }
    }
}

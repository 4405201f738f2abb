package dev.retort.bench.tools;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway through its Java API: {@code FlywayRunner upgrade|history|heads URL USER PASSWORD DIR}, where DIR holds
 * {@code V<n>__*.sql}. {@code history} and {@code heads} are both Flyway's {@code info} (it has no other way to
 * list migrations); {@code history} prints every migration, {@code heads} the current one.
 */
public final class FlywayRunner {

    private FlywayRunner() {
    }

    public static void main(String[] args) {
        Flyway flyway = Flyway.configure()
                .dataSource(args[1], args[2], args[3])
                .locations("filesystem:" + args[4])
                .load();
        switch (args[0]) {
            case "upgrade" -> {
                MigrateResult result = flyway.migrate();
                System.out.println("applied " + result.migrationsExecuted + " migrations");
            }
            case "history" -> {
                StringBuilder out = new StringBuilder();
                for (MigrationInfo info : flyway.info().all()) {
                    out.append(info.getVersion()).append(' ').append(info.getDescription()).append(' ')
                            .append(info.getState().getDisplayName()).append('\n');
                }
                System.out.print(out);
            }
            case "heads" -> {
                MigrationInfo current = flyway.info().current();
                System.out.println(current == null ? "(none)" : current.getVersion() + " " + current.getDescription());
            }
            default -> throw new IllegalArgumentException("unknown operation " + args[0]);
        }
    }
}

package dev.retort.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.api.MigrationResult;
import dev.retort.api.Retort;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * An application that migrates its database on start-up, the way a service embeds Retort: the migrations ship
 * inside the jar ({@code classpath:bookstore/migrations}), Retort borrows a connection from the application's own
 * pool, and {@code upgrade("head")} runs before anything else uses the database.
 *
 * <pre>
 * mvn -q -pl examples -am package -Dmaven.test.skip=true
 * java -cp "examples/target/retort-examples.jar:$(cat examples/target/classpath.txt)" dev.retort.examples.BookstoreApp [JDBC_URL]
 * </pre>
 */
public final class BookstoreApp {

    private BookstoreApp() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:h2:mem:bookstore;DB_CLOSE_DELAY=-1";
        String user = System.getenv().getOrDefault("BOOKSTORE_DB_USER", url.startsWith("jdbc:postgresql:") ? "postgres" : "sa");

        HikariConfig poolConfig = new HikariConfig();
        poolConfig.setJdbcUrl(url);
        poolConfig.setUsername(user);
        poolConfig.setPassword(System.getenv("BOOKSTORE_DB_PASSWORD"));
        try (HikariDataSource pool = new HikariDataSource(poolConfig)) {
            Retort retort = Retort.configure()
                    .dataSource(pool)
                    .locations("classpath:bookstore/migrations")
                    .load();
            MigrationResult migrated = retort.upgrade("head");
            System.out.println("Schema at " + String.join(", ", migrated.endHeads())
                    + " (" + migrated.applied().size() + " revisions applied on start-up)");
            printCatalog(pool);
        }
    }

    private static void printCatalog(HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT title, author, price FROM book_catalog ORDER BY title")) {
            while (rs.next()) {
                System.out.printf("%-24s %-20s %8s%n", rs.getString(1), rs.getString(2), rs.getBigDecimal(3));
            }
        }
    }
}

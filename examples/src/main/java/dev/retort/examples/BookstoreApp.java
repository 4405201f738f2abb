package dev.retort.examples;

import dev.retort.api.MigrationResult;
import dev.retort.api.Retort;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * An application that migrates its database on start-up, the way a service embeds Retort: the migrations ship
 * inside the jar ({@code classpath:bookstore/migrations}), and {@code upgrade("head")} runs before anything else.
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

        Retort retort = Retort.configure()
                .url(url)
                .user(user)
                .password(System.getenv("BOOKSTORE_DB_PASSWORD"))
                .locations("classpath:bookstore/migrations")
                .load();
        MigrationResult migrated = retort.upgrade("head");
        System.out.println("Schema at " + String.join(", ", migrated.endHeads())
                + " (" + migrated.applied().size() + " revisions applied on start-up)");

        try (Connection c = DriverManager.getConnection(url, user, System.getenv("BOOKSTORE_DB_PASSWORD"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT title, author, price FROM book_catalog ORDER BY title")) {
            while (rs.next()) {
                System.out.printf("%-24s %-20s %8s%n", rs.getString(1), rs.getString(2), rs.getBigDecimal(3));
            }
        }
    }
}

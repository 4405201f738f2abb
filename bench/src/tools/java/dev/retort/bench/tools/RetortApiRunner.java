package dev.retort.bench.tools;

import dev.retort.api.Retort;
import dev.retort.bench.render.RetortAppJar;
import dev.retort.revision.Revision;

/**
 * Retort embedded, as an application migrates on start-up: {@code RetortApiRunner upgrade|history|heads URL USER
 * PASSWORD}, with the application's jar ({@link RetortAppJar}) on the class path. The counterpart of the Flyway and
 * Liquibase runners, which use those tools' Java APIs too; no cache folder, as in an application.
 */
public final class RetortApiRunner {

    private RetortApiRunner() {
    }

    public static void main(String[] args) {
        Retort retort = Retort.configure().url(args[1]).user(args[2]).password(args[3])
                .locations(RetortAppJar.LOCATION).load();
        switch (args[0]) {
            case "upgrade" -> System.out.println("applied " + retort.upgrade("head").applied().size() + " revisions");
            case "history" -> {
                StringBuilder out = new StringBuilder();
                for (Revision r : retort.history()) {
                    out.append(r.downRevisions()).append(" -> ").append(r.id()).append(", ").append(r.message()).append('\n');
                }
                System.out.print(out);
            }
            case "heads" -> retort.heads().forEach(r -> System.out.println(r.id() + " (head), " + r.message()));
            default -> throw new IllegalArgumentException("unknown operation " + args[0]);
        }
    }
}

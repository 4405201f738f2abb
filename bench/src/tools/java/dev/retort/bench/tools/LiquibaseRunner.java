package dev.retort.bench.tools;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.resource.DirectoryResourceAccessor;

import java.nio.file.Path;
import java.util.Map;

/**
 * Liquibase through its Java API (the command framework, as its CLI uses it):
 * {@code LiquibaseRunner upgrade|history|heads URL USER PASSWORD DIR}, where DIR holds {@code changelog.xml}.
 * {@code upgrade} is {@code update}, {@code history} is {@code history}, {@code heads} is {@code status} (the
 * closest Liquibase has: what is and is not applied).
 */
public final class LiquibaseRunner {

    private LiquibaseRunner() {
    }

    public static void main(String[] args) throws Exception {
        String op = args[0];
        String command = switch (op) {
            case "upgrade" -> "update";
            case "history" -> "history";
            case "heads" -> "status";
            default -> throw new IllegalArgumentException("unknown operation " + op);
        };
        Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(Path.of(args[4])));
        Scope.child(scope, () -> {
            CommandScope c = new CommandScope(command)
                    .addArgumentValue("url", args[1])
                    .addArgumentValue("username", args[2])
                    .addArgumentValue("password", args[3]);
            if (!command.equals("history")) {
                c.addArgumentValue("changelogFile", "changelog.xml");
            }
            c.setOutput(System.out);
            c.execute();
        });
    }
}

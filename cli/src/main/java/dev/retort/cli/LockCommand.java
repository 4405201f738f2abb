package dev.retort.cli;

import dev.retort.lock.LockHolder;
import dev.retort.lock.MigrationLock;
import picocli.CommandLine.Command;

import java.util.Optional;

/** {@code retort lock status|release}: see and deliberately clear the migration lock. */
@Command(name = "lock", mixinStandardHelpOptions = true,
        description = "Inspect or release the migration lock that keeps concurrent migrators apart.",
        subcommands = {LockCommand.Status.class, LockCommand.Release.class})
final class LockCommand {

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show who holds the migration lock, if anyone.")
    static final class Status extends ProjectCommand {
        @Override
        int run(Project project) {
            Optional<LockHolder> holder = project.retort().lock().holder();
            out().println(holder.map(h -> "locked by " + h).orElse("not locked"));
            return 0;
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Remove a lock left by a migrator that died (lock tables; PostgreSQL's advisory lock ends with its session).")
    static final class Release extends ProjectCommand {
        @Override
        int run(Project project) {
            MigrationLock lock = project.retort().lock();
            Optional<LockHolder> holder = lock.holder();
            if (lock.forceRelease()) {
                out().println("released the lock held by " + holder.map(LockHolder::toString).orElse("an unknown migrator"));
            } else {
                out().println(holder.map(h -> "nothing to release: the lock is held by a live session (" + h + ")")
                        .orElse("nothing to release: not locked"));
            }
            return 0;
        }
    }
}

package dev.retort.cli;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.dsl.RevisionIds;
import dev.retort.dsl.RevisionTemplate;
import dev.retort.revision.NewRevisionRules;
import dev.retort.revision.RevisionGraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/** Writes a new revision script, shared by {@code revision} and {@code merge}. */
final class RevisionFiles {

    private final Settings settings;
    private final RevisionGraph graph;

    RevisionFiles(Settings settings, RevisionGraph graph) {
        this.settings = settings;
        this.graph = graph;
    }

    Path write(String revId, List<String> parents, List<String> branchLabels, List<String> dependsOn, String message,
               Path versionPath) throws IOException {
        NewRevisionRules rules = new NewRevisionRules(graph);
        String id = revId != null ? revId : freshId();
        rules.checkNewId(id);
        for (String label : branchLabels) {
            if (graph.labels().contains(label) || graph.contains(label)) {
                throw new RetortException(ErrorCode.GRAPH, "branch label '" + label + "' is already used");
            }
        }
        Path folder = folder(versionPath, parents);
        RevisionTemplate template = new RevisionTemplate(id, parents, branchLabels, dependsOn, message);
        Path file = folder.resolve(template.fileName());
        if (Files.exists(file)) {
            throw new RetortException(ErrorCode.CONFIGURATION, file + " already exists");
        }
        Files.createDirectories(folder);
        Files.writeString(file, template.render(), StandardCharsets.UTF_8);
        return file;
    }

    private String freshId() {
        RevisionIds ids = new RevisionIds(new SecureRandom());
        String id;
        do {
            id = ids.generate();
        } while (graph.contains(id));
        return id;
    }

    /** The given folder (it must be a configured one), else the single parent's folder, else the first folder. */
    private Path folder(Path versionPath, List<String> parents) {
        List<Path> folders = settings.migrations().stream().filter(m -> !m.startsWith("classpath:")).map(Path::of).toList();
        if (versionPath != null) {
            Path wanted = settings.project().resolve(versionPath).normalize();
            if (!folders.contains(wanted)) {
                throw new RetortException(ErrorCode.CONFIGURATION, "Path " + versionPath
                        + " is not represented in current version locations " + folders);
            }
            return wanted;
        }
        if (parents.size() == 1) {
            Path parentFolder = Path.of(graph.get(parents.get(0)).file()).toAbsolutePath().getParent();
            if (parentFolder != null && folders.contains(parentFolder.normalize())) {
                return parentFolder.normalize();
            }
        }
        return settings.firstFolder();
    }
}

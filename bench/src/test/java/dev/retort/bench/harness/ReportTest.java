package dev.retort.bench.harness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    private static List<Sample> noop(String tool, double... walls) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < walls.length; i++) {
            samples.add(new Sample("postgresql", 1000, "noop", tool, i + 1, walls[i], walls[i], 60));
        }
        return samples;
    }

    @Test
    void targetsAreJudgedOnDefaultOptionsWithTheArchivedPairBeside() {
        List<Sample> samples = new ArrayList<>();
        samples.addAll(noop("floor", 390, 400, 410));
        samples.addAll(noop("retort", 600, 640, 700));
        samples.addAll(noop("floor-cds", 290, 300, 310));
        samples.addAll(noop("retort-cds", 400, 420, 430));

        String report = new Report(samples, Map.of()).markdown("");

        assertTrue(report.contains("| target | goal | measured (CLI) | met | both with class-data archives | met |"), report);
        assertTrue(report.contains("| PostgreSQL 1,000: no-op upgrade | ≤ 1.5× floor | 1.60× (640 ms vs 400 ms; "
                + "runs 1.54–1.71×, 0 of 3 within) | **no** | 1.40× (420 ms vs 300 ms; runs 1.38–1.40×, 3 of 3 within) "
                + "| yes |"), report);
        assertTrue(report.contains("| no-op upgrade | raw JDBC floor, class-data archive | 300 | 0.75× |"), report);
    }

    @Test
    void withoutArchivedRunsTheTargetsTableHasNoArchiveColumn() {
        List<Sample> samples = new ArrayList<>();
        samples.addAll(noop("floor", 400));
        samples.addAll(noop("retort", 560));

        String report = new Report(samples, Map.of()).markdown("");

        assertTrue(report.contains("| PostgreSQL 1,000: no-op upgrade | ≤ 1.5× floor | 1.40× (560 ms vs 400 ms) | yes |\n"), report);
        assertFalse(report.contains("class-data"), report);
    }

    @Test
    void theEmbeddedRunnerGetsColumnsOfItsOwnAgainstTheSameFloor() {
        List<Sample> samples = new ArrayList<>();
        samples.addAll(noop("floor", 400));
        samples.addAll(noop("retort", 640));
        samples.addAll(noop("retort-api", 480));

        String report = new Report(samples, Map.of()).markdown("");

        assertTrue(report.contains("| measured (CLI) | met | through the API, from an application jar | met |\n"
                + "|---|---:|---:|:---:|---:|:---:|\n"), report);
        assertTrue(report.contains("| PostgreSQL 1,000: no-op upgrade | ≤ 1.5× floor | 1.60× (640 ms vs 400 ms) | **no** "
                + "| 1.20× (480 ms vs 400 ms) | yes |"), report);
        assertTrue(report.contains("| no-op upgrade | Retort (API, application jar) | 480 | 1.20× |"), report);
    }

    @Test
    void anArchivedToolIsItsBaseToolWithAnArchive() {
        assertTrue(Launcher.archived("retort-cds"));
        assertFalse(Launcher.archived("retort"));
        assertEquals("floor", Launcher.base("floor-cds"));
        assertEquals("flyway", Launcher.base("flyway"));
    }

    @Test
    void eachRunsOwnRatioShowsHowFirmlyATargetIsMetOrMissed() {
        List<Sample> samples = new ArrayList<>();
        samples.addAll(noop("floor", 400, 300, 500, 420, 410));
        samples.addAll(noop("retort", 560, 480, 700, 640, 620));

        String report = new Report(samples, Map.of()).markdown("");

        // medians 410 and 620: 1.51×; runs 1.40, 1.60, 1.40, 1.52, 1.51
        assertTrue(report.contains("| PostgreSQL 1,000: no-op upgrade | ≤ 1.5× floor | 1.51× (620 ms vs 410 ms; "
                + "runs 1.40–1.60×, 2 of 5 within) | **no** |"), report);
    }

    @Test
    void mergedFilesKeepTheirRunsApartSoThatNoRatioPairsTwoFiles() {
        List<Sample> first = new ArrayList<>(noop("floor", 400));
        first.addAll(noop("retort", 600));
        List<Sample> second = new ArrayList<>(noop("floor", 200));
        second.addAll(noop("retort", 220));

        Report report = new Report(Report.merged(List.of(first, second)), Map.of());

        assertEquals(List.of(1.1, 1.5), report.pairedRatios("postgresql", 1000, "noop", "retort", "floor"));
    }
}

package dev.retort.bench;

import dev.retort.bench.generate.HistoryGenerator;
import dev.retort.bench.model.Column;
import dev.retort.bench.model.History;
import dev.retort.bench.model.Revision;
import dev.retort.bench.model.Step;
import dev.retort.bench.render.Dialect;
import dev.retort.bench.render.LiquibaseChangelog;
import dev.retort.bench.render.RawScript;
import dev.retort.bench.render.RetortDsl;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryGeneratorTest {

    @Test
    void theSameSeedGivesTheSameHistoryAndTheSameFiles() {
        History a = HistoryGenerator.generate(500, 7);
        History b = HistoryGenerator.generate(500, 7);
        assertEquals(a, b);
        assertEquals(RawScript.render(a, Dialect.POSTGRESQL), RawScript.render(b, Dialect.POSTGRESQL));
        assertEquals(LiquibaseChangelog.render(a), LiquibaseChangelog.render(b));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(RetortDsl.script(a.revisions().get(i)), RetortDsl.script(b.revisions().get(i)));
        }
    }

    @Test
    void anotherSeedGivesAnotherHistory() {
        assertNotEquals(HistoryGenerator.generate(100, 1), HistoryGenerator.generate(100, 2));
    }

    @Test
    void aLongerHistoryStartsWithTheShorterOne() {
        // sizes share their beginning, so 1k and 10k differ only by what comes after
        History small = HistoryGenerator.generate(100, 42);
        History large = HistoryGenerator.generate(1000, 42);
        assertEquals(small.revisions(), large.revisions().subList(0, 100));
    }

    @Test
    void aLinearChainOfUniqueTwelveHexIds() {
        History h = HistoryGenerator.generate(2000, 42);
        Set<String> ids = new HashSet<>();
        String parent = null;
        for (Revision r : h.revisions()) {
            assertTrue(r.id().matches("[0-9a-f]{12}"), r.id());
            assertTrue(ids.add(r.id()), "duplicate id " + r.id());
            assertEquals(parent, r.parent());
            assertEquals(ids.size(), r.number());
            parent = r.id();
        }
        assertNull(h.revisions().get(0).parent());
        assertEquals(Step.Kind.CREATE_TABLE, h.revisions().get(0).step().kind());
    }

    @Test
    void theMixFollowsTheWeights() {
        History h = HistoryGenerator.generate(5000, 42);
        Map<Step.Kind, Integer> mix = h.mix();
        for (Step.Kind kind : Step.Kind.values()) {
            double percent = 100.0 * mix.get(kind) / h.size();
            int intended = HistoryGenerator.WEIGHTS.get(kind);
            assertTrue(Math.abs(percent - intended) <= 3.0,
                    kind + ": " + percent + "% of revisions, intended " + intended + "% (" + mix + ")");
        }
        assertTrue(mix.get(Step.Kind.CREATE_TABLE) * 2 >= h.size() * 0.94, "mostly createTable: " + mix);
    }

    @Test
    void tablesHaveFourToEightColumnsOfMixedTypesAndAnIdPrimaryKey() {
        Set<Object> kinds = new HashSet<>();
        for (Revision r : HistoryGenerator.generate(1000, 42).revisions()) {
            if (r.step() instanceof Step.CreateTable t) {
                assertTrue(t.columns().size() >= 4 && t.columns().size() <= 8, t.toString());
                assertEquals(Column.id(), t.columns().get(0));
                assertEquals(1, t.columns().stream().filter(Column::primaryKey).count());
                t.columns().forEach(c -> kinds.add(c.type().kind()));
            }
        }
        assertEquals(8, kinds.size(), "every type appears: " + kinds);
    }

    @Test
    void insertsAreSmallAndNameTheSameColumnsInEveryRow() {
        for (Revision r : HistoryGenerator.generate(1000, 42).revisions()) {
            if (r.step() instanceof Step.Insert s) {
                assertTrue(s.rows().size() >= 1 && s.rows().size() <= 3);
                s.rows().forEach(row -> assertEquals(s.columns().size(), row.size()));
            }
        }
    }

    @Test
    void everyRevisionRendersAtLeastOneStatement() {
        History h = HistoryGenerator.generate(300, 42);
        List<RawScript.RawStep> steps = RawScript.read(RawScript.render(h, Dialect.H2));
        assertEquals(h.size(), steps.size());
        steps.forEach(s -> assertTrue(!s.statements().isEmpty(), s.toString()));
    }
}

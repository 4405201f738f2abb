package dev.retort.bench.generate;

import dev.retort.bench.model.Column;
import dev.retort.bench.model.ColumnType;
import dev.retort.bench.model.History;
import dev.retort.bench.model.Revision;
import dev.retort.bench.model.Step;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes a synthetic linear history of N revisions, one schema change each, from a seed: the same (N, seed) always
 * gives the same history, on any JVM ({@link Random}'s algorithm is specified).
 * <p>
 * The mix ({@link #WEIGHTS}, in percent) is mostly {@code createTable} (4–8 columns of mixed types, an {@code id}
 * BIGINT primary key, sometimes a nullable {@code ref_*} column meant for a later foreign key), plus
 * {@code addColumn}, {@code createIndex}, {@code addForeignKey}, {@code renameColumn}, {@code dropColumn} and
 * inserts of 1–3 rows. Every change is valid on the schema the previous ones built: the generator keeps that
 * schema and draws only what applies to it (a kind with nothing to apply to is drawn again among the others).
 */
public final class HistoryGenerator {

    /** The intended mix in percent of revisions; the first revisions can only create tables. */
    public static final Map<Step.Kind, Integer> WEIGHTS = weights();

    private static Map<Step.Kind, Integer> weights() {
        Map<Step.Kind, Integer> w = new EnumMap<>(Step.Kind.class);
        w.put(Step.Kind.CREATE_TABLE, 50);
        w.put(Step.Kind.ADD_COLUMN, 14);
        w.put(Step.Kind.CREATE_INDEX, 12);
        w.put(Step.Kind.ADD_FOREIGN_KEY, 8);
        w.put(Step.Kind.RENAME_COLUMN, 6);
        w.put(Step.Kind.DROP_COLUMN, 4);
        w.put(Step.Kind.INSERT, 6);
        return Collections.unmodifiableMap(w);
    }

    private static final String[] TABLE_WORDS = {"customer", "orders", "invoice", "product", "shipment", "payment",
            "account", "address", "supplier", "warehouse", "review", "coupon", "category", "employee", "department",
            "ticket", "session", "device", "contract", "ledger"};

    private static final Map<ColumnType.Kind, String[]> COLUMN_WORDS = Map.of(
            ColumnType.Kind.VARCHAR, new String[]{"name", "code", "email", "title", "status", "label", "city", "sku"},
            ColumnType.Kind.INTEGER, new String[]{"quantity", "rank", "priority", "version", "score"},
            ColumnType.Kind.BIGINT, new String[]{"external_id", "counter", "size_bytes"},
            ColumnType.Kind.DECIMAL, new String[]{"amount", "price", "balance", "weight"},
            ColumnType.Kind.BOOLEAN, new String[]{"active", "verified", "archived"},
            ColumnType.Kind.DATE, new String[]{"born_on", "due_on", "valid_from"},
            ColumnType.Kind.TIMESTAMP, new String[]{"created_at", "updated_at", "seen_at"},
            ColumnType.Kind.TEXT, new String[]{"notes", "description", "body"});

    private static final int[] VARCHAR_LENGTHS = {40, 100, 200, 255};

    /** A column of the schema being built, with what limits the changes drawn for it. */
    private static final class ColumnState {
        Column column;
        final boolean ref;
        boolean indexed;
        boolean constrained;

        ColumnState(Column column, boolean ref) {
            this.column = column;
            this.ref = ref;
        }
    }

    private static final class TableState {
        final String name;
        final List<ColumnState> columns = new ArrayList<>();
        long nextRowId = 1;

        TableState(String name) {
            this.name = name;
        }
    }

    private final Random random;
    private final List<TableState> tables = new ArrayList<>();
    private int columnCounter;

    private HistoryGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static History generate(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("a history needs at least one revision, not " + n);
        }
        return new HistoryGenerator(seed).history(n, seed);
    }

    private History history(int n, long seed) {
        List<Revision> revisions = new ArrayList<>(n);
        Set<String> ids = new HashSet<>();
        String parent = null;
        for (int number = 1; number <= n; number++) {
            String id;
            do {
                id = String.format("%012x", random.nextLong() & 0xFFFF_FFFF_FFFFL);
            } while (!ids.add(id));
            revisions.add(new Revision(number, id, parent, step(number)));
            parent = id;
        }
        return new History(seed, revisions);
    }

    private Step step(int number) {
        List<Step.Kind> left = new ArrayList<>(List.of(Step.Kind.values()));
        while (true) {
            Step.Kind kind = draw(left);
            Step step = switch (kind) {
                case CREATE_TABLE -> createTable(number);
                case ADD_COLUMN -> addColumn();
                case CREATE_INDEX -> createIndex();
                case ADD_FOREIGN_KEY -> addForeignKey();
                case RENAME_COLUMN -> renameColumn();
                case DROP_COLUMN -> dropColumn();
                case INSERT -> insert();
            };
            if (step != null) {
                return step;
            }
            left.remove(kind);
        }
    }

    private Step.Kind draw(List<Step.Kind> among) {
        int total = among.stream().mapToInt(WEIGHTS::get).sum();
        int x = random.nextInt(total);
        for (Step.Kind kind : among) {
            x -= WEIGHTS.get(kind);
            if (x < 0) {
                return kind;
            }
        }
        throw new AssertionError();
    }

    // ---- the changes --------------------------------------------------------------------------------------------

    private Step createTable(int number) {
        TableState table = new TableState(TABLE_WORDS[random.nextInt(TABLE_WORDS.length)] + String.format("_%05d", number));
        table.columns.add(new ColumnState(Column.id(), false));
        int others = 3 + random.nextInt(5); // 4–8 columns in all
        boolean withRef = !tables.isEmpty() && random.nextBoolean();
        for (int i = 0; i < others; i++) {
            if (withRef && i == others - 1) {
                table.columns.add(new ColumnState(new Column("ref_" + (++columnCounter), ColumnType.BIGINT, false, false), true));
            } else {
                ColumnType type = type();
                table.columns.add(new ColumnState(new Column(columnName(type), type, false, random.nextInt(4) == 0), false));
            }
        }
        tables.add(table);
        return new Step.CreateTable(table.name, table.columns.stream().map(c -> c.column).toList());
    }

    private Step addColumn() {
        if (tables.isEmpty()) {
            return null;
        }
        TableState table = anyTable();
        ColumnType type = type();
        Column column = new Column(columnName(type), type, false, false);
        table.columns.add(new ColumnState(column, false));
        return new Step.AddColumn(table.name, column);
    }

    private Step createIndex() {
        ColumnPick pick = pick(c -> !c.column.primaryKey() && !c.indexed && c.column.type().indexable());
        if (pick == null) {
            return null;
        }
        pick.column.indexed = true;
        String name = "ix_" + pick.table.name + "_" + pick.column.column.name();
        return new Step.CreateIndex(name, pick.table.name, pick.column.column.name());
    }

    private Step addForeignKey() {
        if (tables.size() < 2) {
            return null;
        }
        ColumnPick pick = pick(c -> c.ref && !c.constrained);
        if (pick == null) {
            return null;
        }
        TableState referenced;
        do {
            referenced = anyTable();
        } while (referenced == pick.table);
        pick.column.constrained = true;
        String name = "fk_" + pick.table.name + "_" + pick.column.column.name();
        return new Step.AddForeignKey(name, pick.table.name, pick.column.column.name(), referenced.name);
    }

    private Step renameColumn() {
        ColumnPick pick = pick(c -> !c.column.primaryKey() && !c.ref);
        if (pick == null) {
            return null;
        }
        String from = pick.column.column.name();
        String to = columnName(pick.column.column.type());
        pick.column.column = pick.column.column.renamed(to);
        return new Step.RenameColumn(pick.table.name, from, to);
    }

    private Step dropColumn() {
        ColumnPick pick = pick(c -> !c.column.primaryKey() && !c.ref && !c.indexed);
        if (pick == null || pick.table.columns.size() <= 3) {
            return null;
        }
        pick.table.columns.remove(pick.column);
        return new Step.DropColumn(pick.table.name, pick.column.column);
    }

    private Step insert() {
        if (tables.isEmpty()) {
            return null;
        }
        TableState table = anyTable();
        List<Column> columns = table.columns.stream().filter(c -> !c.ref).map(c -> c.column).toList();
        int count = 1 + random.nextInt(3);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Object> row = new ArrayList<>();
            for (Column column : columns) {
                row.add(column.primaryKey() ? (Object) table.nextRowId++ : value(column.type()));
            }
            rows.add(row);
        }
        return new Step.Insert(table.name, columns, rows);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private record ColumnPick(TableState table, ColumnState column) {
    }

    /** A random column passing the test, from a random table that has one (a few tables are tried, then all). */
    private ColumnPick pick(java.util.function.Predicate<ColumnState> test) {
        if (tables.isEmpty()) {
            return null;
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            TableState table = anyTable();
            List<ColumnState> fit = table.columns.stream().filter(test).toList();
            if (!fit.isEmpty()) {
                return new ColumnPick(table, fit.get(random.nextInt(fit.size())));
            }
        }
        List<ColumnPick> all = new ArrayList<>();
        for (TableState table : tables) {
            table.columns.stream().filter(test).forEach(c -> all.add(new ColumnPick(table, c)));
        }
        return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
    }

    private TableState anyTable() {
        return tables.get(random.nextInt(tables.size()));
    }

    private ColumnType type() {
        int x = random.nextInt(100);
        if (x < 30) {
            return ColumnType.varchar(VARCHAR_LENGTHS[random.nextInt(VARCHAR_LENGTHS.length)]);
        } else if (x < 45) {
            return ColumnType.INTEGER;
        } else if (x < 53) {
            return ColumnType.BIGINT;
        } else if (x < 65) {
            return ColumnType.decimal(12, 2);
        } else if (x < 75) {
            return ColumnType.BOOLEAN;
        } else if (x < 83) {
            return ColumnType.DATE;
        } else if (x < 93) {
            return ColumnType.TIMESTAMP;
        }
        return ColumnType.TEXT;
    }

    /** A name unique in the whole history, so that renames and drops never collide. */
    private String columnName(ColumnType type) {
        String[] words = COLUMN_WORDS.get(type.kind());
        return words[random.nextInt(words.length)] + "_" + (++columnCounter);
    }

    private Object value(ColumnType type) {
        return switch (type.kind()) {
            case VARCHAR -> "v" + random.nextInt(1_000_000);
            case TEXT -> "some text " + random.nextInt(1_000_000);
            case INTEGER -> random.nextInt(1000);
            case BIGINT -> (long) random.nextInt(1_000_000);
            case DECIMAL -> BigDecimal.valueOf(random.nextInt(10_000_000), 2);
            case BOOLEAN -> random.nextBoolean();
            case DATE -> LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000));
            case TIMESTAMP -> LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(random.nextInt(100_000_000));
        };
    }
}

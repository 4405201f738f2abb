package dev.retort.revision

/**
 * Graphs the specs share, in the test notation of {@link Revisions}. Most mirror a case in Alembic's
 * {@code tests/test_version_traversal.py}; the comment names it.
 */
final class Fixtures {

    /** a - b - c - d - e */
    static final List<String> LINEAR = ['a', 'b <- a', 'c <- b', 'd <- c', 'e <- d']

    /** BranchedPathTest: b branches into c1 - d1 (c1branch) and c2 - d2 (c2branch). */
    static final List<String> BRANCHED = ['a', 'b <- a', 'c1 <- b labels c1branch', 'd1 <- c1',
                                          'c2 <- b labels c2branch', 'd2 <- c2']

    /** MergedPathTest: the two branches of BRANCHED merge into e, then f. */
    static final List<String> MERGED = ['a', 'b <- a', 'c1 <- b', 'd1 <- c1', 'c2 <- b labels c2branch', 'd2 <- c2',
                                        'e <- d1, d2', 'f <- e']

    /** a diamond: a branches into b and c, which merge into d. */
    static final List<String> DIAMOND = ['a', 'b <- a', 'c <- a', 'd <- b, c']

    /** depends-on-cross-branch: a2 continues a1 and depends on m2 of an independent root. */
    static final List<String> CROSS = ['a1', 'a2 <- a1 needs m2', 'm1', 'm2 <- m1']

    /** ForestTest: two independent roots. */
    static final List<String> FOREST = ['a1', 'b1 <- a1', 'a2', 'b2 <- a2']

    /** DependsOnBranchTestTwo ("kaboom"): three merges and a base depending on one parent of each. */
    static final List<String> KABOOM = ['a1', 'a2', 'a3', 'amerge <- a1, a2, a3', 'b1', 'b2', 'bmerge <- b1, b2',
                                        'c1', 'c2', 'c3', 'cmerge <- c1, c2, c3', 'd1 needs a3, b2, c1']

    /** DependsOnBranchTestThree: two lines that depend on each other criss-cross. */
    static final List<String> CRISSCROSS = ['a1', 'a2 <- a1', 'b1', 'b2 <- b1 needs a2', 'b3 <- b2',
                                            'a3 <- a2 needs b1']

    /** BranchedPathTestCrossDependencies: BRANCHED where d2 also depends on c1. */
    static final List<String> BRANCHED_CROSS = ['a', 'b <- a', 'c1 <- b labels c1branch', 'd1 <- c1',
                                                'c2 <- b labels c2branch', 'd2 <- c2 needs c1']

    /** Two labelled roots, the application depending on the library's head. */
    static final List<String> LIBRARY = ['l1 labels lib', 'l2 <- l1', 'p1 labels app', 'p2 <- p1 needs l2']

    private Fixtures() {
    }
}

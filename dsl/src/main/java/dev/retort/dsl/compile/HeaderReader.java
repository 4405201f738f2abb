package dev.retort.dsl.compile;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.dsl.compile.ScriptLexer.Kind;
import dev.retort.dsl.compile.ScriptLexer.Token;
import dev.retort.operation.SourceLocation;
import dev.retort.revision.Revision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a script's header without compiling or running it, at about the cost of reading the file: the statements
 * before the first {@code upgrade}, {@code downgrade} or {@code change}, each a header keyword with literal values
 * (strings, lists of strings, {@code null}, {@code true}/{@code false}), with or without parentheses. {@code import}
 * lines may sit among them. Every failure is a {@link RetortException} with code {@code SCRIPT} and a
 * {@code file:line: } prefix.
 */
public final class HeaderReader {

    private static final Set<String> BODY = Set.of("upgrade", "downgrade", "change");
    private static final String KEYWORDS = "revision, downRevision, branchLabels, dependsOn, message and transactional";
    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /**
     * @param file names the script in the revision's location and in messages
     * @param text the whole script; its checksum covers all of it
     */
    public ScriptHeader read(String file, String text) {
        String src = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            return parse(file, new ScriptLexer(src), SourceChecksum.of(text));
        } catch (ScriptLexer.Failure failure) {
            throw error(file, failure.line, failure.getMessage());
        }
    }

    private ScriptHeader parse(String file, ScriptLexer lexer, String checksum) {
        Map<String, List<Object>> values = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        Token token = lexer.next();
        while (token.kind() != Kind.EOF && !(token.kind() == Kind.IDENT && BODY.contains(token.text()))) {
            if (token.kind() == Kind.IDENT && token.text().equals("import")) {
                while (!lexer.next().ends()) {
                    // an import names a class; nothing in it matters to the header
                }
            } else if (token.kind() == Kind.IDENT && isKeyword(token.text())) {
                String keyword = token.text();
                if (lines.containsKey(keyword)) {
                    throw error(file, token.line(), keyword + " is declared twice (first on line " + lines.get(keyword) + ")");
                }
                lines.put(keyword, token.line());
                values.put(keyword, arguments(file, keyword, lexer, token.line()));
            } else if (!token.ends()) {
                throw error(file, token.line(), "unexpected " + quote(token) + " before upgrade, downgrade or change:"
                        + " the header holds only " + KEYWORDS + ", with literal values");
            }
            token = lexer.next();
        }
        if (!values.containsKey("revision")) {
            throw error(file, token.kind() == Kind.EOF ? 1 : token.line(),
                    "no revision declared: a migration starts with revision '<id>'");
        }
        int line = lines.get("revision");
        Revision revision = new Revision(
                revisionId(file, line, values.get("revision")),
                ids(file, "downRevision", lines, values, false),
                ids(file, "branchLabels", lines, values, true),
                ids(file, "dependsOn", lines, values, true),
                message(file, lines, values),
                new SourceLocation(file, line),
                checksum);
        return new ScriptHeader(revision, transactional(file, lines, values));
    }

    /** The values after a keyword: {@code kw v}, {@code kw v, w}, {@code kw(v)}, up to the end of the statement. */
    private List<Object> arguments(String file, String keyword, ScriptLexer lexer, int line) {
        List<Object> arguments = new ArrayList<>();
        Token token = lexer.next();
        boolean parenthesized = token.kind() == Kind.LPAREN;
        if (parenthesized) {
            token = lexer.nextSkippingNewlines();
            if (token.kind() == Kind.RPAREN) {
                throw error(file, line, keyword + " needs a value");
            }
        } else if (token.ends()) {
            throw error(file, line, keyword + " needs a value on the same line, such as " + keyword + " 'abc123'");
        }
        if (!parenthesized && token.kind() == Kind.LBRACKET) {
            throw error(file, line, "write " + keyword + "([...]) with parentheses: without them Groovy reads"
                    + " the list as an index");
        }
        arguments.add(value(file, keyword, token, lexer));
        while (lexer.peek().kind() == Kind.COMMA) {
            lexer.next();
            arguments.add(value(file, keyword, lexer.nextSkippingNewlines(), lexer));
        }
        if (parenthesized) {
            Token close = lexer.nextSkippingNewlines();
            if (close.kind() != Kind.RPAREN) {
                throw literalsOnly(file, keyword, close);
            }
        }
        Token end = lexer.peek();
        if (!end.ends()) {
            throw literalsOnly(file, keyword, end);
        }
        return arguments;
    }

    private Object value(String file, String keyword, Token token, ScriptLexer lexer) {
        switch (token.kind()) {
            case STRING:
                return token.text();
            case LBRACKET:
                List<String> list = new ArrayList<>();
                Token element = lexer.nextSkippingNewlines();
                while (element.kind() != Kind.RBRACKET) {
                    Object value = value(file, keyword, element, lexer);
                    if (!(value instanceof String text)) {
                        throw error(file, element.line(), keyword + " lists hold strings only, not " + value);
                    }
                    list.add(text);
                    element = lexer.nextSkippingNewlines();
                    if (element.kind() == Kind.COMMA) {
                        element = lexer.nextSkippingNewlines();
                    } else if (element.kind() != Kind.RBRACKET) {
                        throw literalsOnly(file, keyword, element);
                    }
                }
                return list;
            case IDENT:
                switch (token.text()) {
                    case "null":
                        return NULL;
                    case "true":
                        return Boolean.TRUE;
                    case "false":
                        return Boolean.FALSE;
                    default:
                        throw literalsOnly(file, keyword, token);
                }
            case GSTRING:
                throw error(file, token.line(), keyword + " takes literal values only: a \"…\" string with $ is"
                        + " computed when the script runs; use '…' or escape the $ as \\$");
            default:
                throw literalsOnly(file, keyword, token);
        }
    }

    private String revisionId(String file, int line, List<Object> arguments) {
        Object value = single(file, "revision", line, arguments);
        if (!(value instanceof String id)) {
            throw error(file, line, "revision takes one id as a string, such as revision '3f9a1c2b7d4e', not " + value);
        }
        return checkId(file, line, "revision", id);
    }

    private List<String> ids(String file, String keyword, Map<String, Integer> lines,
                             Map<String, List<Object>> values, boolean several) {
        List<Object> arguments = values.get(keyword);
        if (arguments == null) {
            return List.of();
        }
        int line = lines.get(keyword);
        List<String> ids = new ArrayList<>();
        if (arguments.size() == 1 && arguments.get(0) == NULL) {
            return List.of();
        }
        if (arguments.size() == 1 && arguments.get(0) instanceof List<?> list) {
            list.forEach(id -> ids.add((String) id));
        } else if (several || arguments.size() == 1) {
            for (Object argument : arguments) {
                if (!(argument instanceof String id)) {
                    throw error(file, line, keyword + " takes strings or one list of strings, not " + argument);
                }
                ids.add(id);
            }
        } else {
            throw error(file, line, keyword + " takes one id, or a list for a merge: " + keyword + "(['a1', 'b2'])");
        }
        ids.forEach(id -> checkId(file, line, keyword, id));
        return ids;
    }

    private String message(String file, Map<String, Integer> lines, Map<String, List<Object>> values) {
        if (!values.containsKey("message")) {
            return "";
        }
        Object value = single(file, "message", lines.get("message"), values.get("message"));
        if (value == NULL) {
            return "";
        }
        if (!(value instanceof String text)) {
            throw error(file, lines.get("message"), "message takes a string, not " + value);
        }
        return text;
    }

    private boolean transactional(String file, Map<String, Integer> lines, Map<String, List<Object>> values) {
        if (!values.containsKey("transactional")) {
            return true;
        }
        Object value = single(file, "transactional", lines.get("transactional"), values.get("transactional"));
        if (!(value instanceof Boolean flag)) {
            throw error(file, lines.get("transactional"), "transactional takes true or false, not " + value);
        }
        return flag;
    }

    private Object single(String file, String keyword, int line, List<Object> arguments) {
        if (arguments.size() != 1) {
            throw error(file, line, keyword + " takes one value, not " + arguments.size());
        }
        return arguments.get(0);
    }

    private static String checkId(String file, int line, String keyword, String id) {
        boolean valid = !id.isEmpty();
        for (int i = 0; i < id.length() && valid; i++) {
            char c = id.charAt(i);
            valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        if (!valid) {
            throw error(file, line, keyword + " '" + id + "' must be letters, digits and underscores only");
        }
        return id;
    }

    private static boolean isKeyword(String word) {
        return switch (word) {
            case "revision", "downRevision", "branchLabels", "dependsOn", "message", "transactional" -> true;
            default -> false;
        };
    }

    private static RetortException literalsOnly(String file, String keyword, Token token) {
        return error(file, token.line(), keyword + " takes literal values only (strings, lists of strings, null,"
                + " true/false), not " + quote(token) + ": the header is read without running the script");
    }

    private static String quote(Token token) {
        return switch (token.kind()) {
            case IDENT, OTHER, NUMBER, LBRACKET, RBRACKET, LPAREN, RPAREN, LBRACE, RBRACE, COMMA, COLON, MINUS, SEMI -> "`" + token.text() + "`";
            case STRING, GSTRING -> "'" + token.text() + "'";
            default -> token.text();
        };
    }

    private static RetortException error(String file, int line, String message) {
        return new RetortException(ErrorCode.SCRIPT, file + ":" + line + ": " + message);
    }
}

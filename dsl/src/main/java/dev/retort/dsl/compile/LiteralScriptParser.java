package dev.retort.dsl.compile;

import dev.retort.dsl.LiteralCall;
import dev.retort.dsl.Types;
import dev.retort.dsl.compile.ScriptLexer.Kind;
import dev.retort.dsl.compile.ScriptLexer.Token;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a literal script without Groovy: a script whose every statement is a call ({@code name(args) { block }},
 * {@code name args}, {@code name { block }}) with literal arguments (strings without {@code $}, plain numbers,
 * {@code true}/{@code false}/{@code null}, lists, maps, named arguments, and the {@link Types} vocabulary). That is
 * what most migrations are, and reading them this way costs about as much as reading the file, where compiling
 * costs a Groovy compiler. Anything outside that subset, including anything malformed, makes the reader give up
 * ({@link Optional#empty()}) so that Groovy compiles the script and reports its errors as it always does.
 */
final class LiteralScriptParser {

    /** The public constants of {@link Types} ({@code BIGINT}, {@code CASCADE} …) but {@code UUID} (see below). */
    private static final Map<String, Object> CONSTANTS = constants();

    private static final Set<String> KEYWORDS = Set.of("true", "false", "null");

    /** Gives up on a script: not an error, Groovy will compile it. */
    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    private final ScriptLexer lexer;

    private LiteralScriptParser(String text) {
        this.lexer = new ScriptLexer(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** The script's top-level calls, or empty when it is not a literal script. */
    static Optional<List<LiteralCall>> parse(String text) {
        try {
            LiteralScriptParser parser = new LiteralScriptParser(text);
            List<LiteralCall> calls = parser.statements(Kind.EOF);
            return Optional.of(calls);
        } catch (GiveUp | ScriptLexer.Failure e) {
            return Optional.empty();
        }
    }

    /** Statements up to {@code end} (EOF, or the {@code }} of a block, which is consumed). */
    private List<LiteralCall> statements(Kind end) {
        List<LiteralCall> calls = new ArrayList<>();
        while (true) {
            Token token = lexer.next();
            if (token.kind() == end) {
                return calls;
            }
            if (token.kind() == Kind.NEWLINE || token.kind() == Kind.SEMI) {
                continue;
            }
            if (token.kind() != Kind.IDENT || token.text().equals("import")) {
                throw GIVE_UP;
            }
            calls.add(call(token));
            Kind after = lexer.peek().kind();
            if (after == Kind.NEWLINE || after == Kind.SEMI) {
                lexer.next();
            } else if (after != end) {
                throw GIVE_UP;
            }
        }
    }

    /** A call statement after its name. */
    private LiteralCall call(Token name) {
        List<Object> arguments = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        List<LiteralCall> block = null;
        Token token = lexer.peek();
        if (token.kind() == Kind.LPAREN) {
            lexer.next();
            if (lexer.peekSkippingNewlines().kind() == Kind.RPAREN) {
                lexer.next();
            } else {
                do {
                    argument(name.text(), arguments, named, true);
                } while (separator(Kind.RPAREN));
            }
            if (lexer.peek().kind() == Kind.LBRACE) {
                lexer.next();
                block = statements(Kind.RBRACE);
            }
        } else if (token.kind() == Kind.LBRACE) {
            lexer.next();
            block = statements(Kind.RBRACE);
        } else if (startsCommandArgument(token)) {
            do {
                argument(name.text(), arguments, named, false);
            } while (commandSeparator());
        } else {
            throw GIVE_UP;
        }
        return new LiteralCall(name.text(), Collections.unmodifiableList(arguments),
                Collections.unmodifiableMap(named), block == null ? null : List.copyOf(block), name.line());
    }

    /** Inside parentheses: a comma (more follows) or the closing parenthesis; line ends may come anywhere. */
    private boolean separator(Kind close) {
        Token token = lexer.nextSkippingNewlines();
        if (token.kind() == Kind.COMMA) {
            if (lexer.peekSkippingNewlines().kind() == close) {
                throw GIVE_UP; // a trailing comma in an argument list: let Groovy judge it
            }
            return true;
        }
        if (token.kind() == close) {
            return false;
        }
        throw GIVE_UP;
    }

    /** Without parentheses: a comma, after which the arguments may go on on the next line. */
    private boolean commandSeparator() {
        if (lexer.peek().kind() == Kind.COMMA) {
            lexer.next();
            lexer.peekSkippingNewlines();
            return true;
        }
        return false;
    }

    /**
     * What may follow a name to make it a command expression ({@code name arg}): a string, number, word or key.
     * A bracket ({@code name [..]}) would be an index, a minus a subtraction, a brace a closure argument.
     */
    private static boolean startsCommandArgument(Token token) {
        return token.kind() == Kind.STRING || token.kind() == Kind.NUMBER || token.kind() == Kind.IDENT;
    }

    private void argument(String call, List<Object> arguments, Map<String, Object> named, boolean inParentheses) {
        Token token = inParentheses ? lexer.nextSkippingNewlines() : lexer.next();
        if ((token.kind() == Kind.IDENT || token.kind() == Kind.STRING) && lexer.peek().kind() == Kind.COLON) {
            lexer.next();
            String key = key(token);
            Object value = value(inParentheses ? lexer.nextSkippingNewlines() : lexer.next(), false);
            if (named.put(key, value) != null || named.containsKey(null)) {
                throw GIVE_UP;
            }
            return;
        }
        arguments.add(token.kind() == Kind.IDENT && token.text().equals("UUID") && ColumnTypeCalls.NAMES.contains(call)
                ? LiteralCall.BARE_UUID : value(token, inParentheses));
    }

    private String key(Token token) {
        if (token.kind() == Kind.IDENT && KEYWORDS.contains(token.text())) {
            throw GIVE_UP;
        }
        return token.text();
    }

    private Object value(Token token, boolean inParentheses) {
        switch (token.kind()) {
            case STRING:
                return token.text();
            case NUMBER:
                return number(token.text(), false);
            case MINUS: {
                Token next = lexer.next();
                if (next.kind() != Kind.NUMBER) {
                    throw GIVE_UP;
                }
                return number(next.text(), true);
            }
            case LBRACKET:
                return listOrMap();
            case IDENT:
                return word(token);
            default:
                throw GIVE_UP;
        }
    }

    private Object word(Token token) {
        String word = token.text();
        switch (word) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                break;
        }
        if (lexer.peek().kind() == Kind.LPAREN) {
            lexer.next();
            List<Object> arguments = new ArrayList<>();
            if (lexer.peekSkippingNewlines().kind() == Kind.RPAREN) {
                lexer.next();
            } else {
                do {
                    Token argument = lexer.nextSkippingNewlines();
                    if (lexer.peek().kind() == Kind.COLON) {
                        throw GIVE_UP;
                    }
                    arguments.add(value(argument, true));
                } while (separator(Kind.RPAREN));
            }
            return vocabulary(word, arguments);
        }
        Object constant = CONSTANTS.get(word);
        if (constant == null) {
            throw GIVE_UP;
        }
        return constant;
    }

    /** {@code VARCHAR(20)} and the other functions of {@link Types}, with exactly the parameter types they take. */
    private static Object vocabulary(String function, List<Object> arguments) {
        try {
            switch (function) {
                case "VARCHAR":
                    return Types.VARCHAR(integer(arguments, 1, 0));
                case "CHAR":
                    return Types.CHAR(integer(arguments, 1, 0));
                case "DECIMAL":
                    return Types.DECIMAL(integer(arguments, 2, 0), integer(arguments, 2, 1));
                case "raw":
                    return Types.raw(string(arguments));
                case "expression":
                    return Types.expression(string(arguments));
                default:
                    throw GIVE_UP;
            }
        } catch (GiveUp e) {
            throw e;
        } catch (RuntimeException e) {
            throw GIVE_UP; // a value the vocabulary refuses: Groovy reports it at its line
        }
    }

    private static int integer(List<Object> arguments, int count, int index) {
        if (arguments.size() != count || !(arguments.get(index) instanceof Integer value)) {
            throw GIVE_UP;
        }
        return value;
    }

    private static String string(List<Object> arguments) {
        if (arguments.size() != 1 || !(arguments.get(0) instanceof String value)) {
            throw GIVE_UP;
        }
        return value;
    }

    /** After {@code [}: {@code []}, {@code [:]}, a list, or a map with word or string keys; a trailing comma is fine. */
    private Object listOrMap() {
        Token token = lexer.nextSkippingNewlines();
        if (token.kind() == Kind.RBRACKET) {
            return new ArrayList<>();
        }
        if (token.kind() == Kind.COLON) {
            if (lexer.nextSkippingNewlines().kind() != Kind.RBRACKET) {
                throw GIVE_UP;
            }
            return new LinkedHashMap<>();
        }
        boolean map = (token.kind() == Kind.IDENT || token.kind() == Kind.STRING) && lexer.peek().kind() == Kind.COLON;
        List<Object> list = new ArrayList<>();
        Map<String, Object> entries = new LinkedHashMap<>();
        while (true) {
            if (map) {
                if ((token.kind() != Kind.IDENT && token.kind() != Kind.STRING) || lexer.next().kind() != Kind.COLON) {
                    throw GIVE_UP;
                }
                String key = key(token);
                if (entries.containsKey(key)) {
                    throw GIVE_UP;
                }
                entries.put(key, value(lexer.nextSkippingNewlines(), true));
            } else {
                if (lexer.peek().kind() == Kind.COLON) {
                    throw GIVE_UP;
                }
                list.add(value(token, true));
            }
            Token after = lexer.nextSkippingNewlines();
            if (after.kind() == Kind.RBRACKET) {
                break;
            }
            if (after.kind() != Kind.COMMA) {
                throw GIVE_UP;
            }
            token = lexer.nextSkippingNewlines();
            if (token.kind() == Kind.RBRACKET) {
                break;
            }
        }
        return map ? entries : list;
    }

    /**
     * The plain number forms, typed as Groovy types them: {@code 12} an Integer, {@code 12L} a Long,
     * {@code 12.50} a BigDecimal (scale kept). Octal-looking, hexadecimal, exponent, other suffixes, and integers
     * past the int range are left to Groovy.
     */
    private static Object number(String text, boolean negative) {
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        if (digits > 1 && text.charAt(0) == '0') {
            throw GIVE_UP;
        }
        String rest = text.substring(digits);
        String sign = negative ? "-" : "";
        try {
            if (rest.isEmpty()) {
                return Integer.valueOf(sign + text);
            }
            if (rest.equals("L") || rest.equals("l")) {
                return Long.valueOf(sign + text.substring(0, digits));
            }
            if (rest.charAt(0) == '.' && rest.chars().skip(1).allMatch(c -> c >= '0' && c <= '9')) {
                return new BigDecimal(sign + text);
            }
        } catch (NumberFormatException e) {
            throw GIVE_UP;
        }
        throw GIVE_UP;
    }

    private static Map<String, Object> constants() {
        Map<String, Object> constants = new HashMap<>();
        for (Field field : Types.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !field.getName().equals("UUID")) {
                try {
                    constants.put(field.getName(), field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Map.copyOf(constants);
    }
}

package dev.retort.dsl.compile;

/**
 * Tokens of the few Groovy forms that a header, or a literal script, may use: identifiers, string literals (with
 * their escapes), numbers, brackets, parentheses, braces, commas, colons, minus signs, semicolons and line ends.
 * Comments and a leading shebang line are skipped. One pass, no regular expressions; anything else becomes an
 * {@link Kind#OTHER} token for the reader to reject.
 */
final class ScriptLexer {

    enum Kind {
        IDENT, STRING, GSTRING, NUMBER, LBRACKET, RBRACKET, LPAREN, RPAREN, LBRACE, RBRACE, COMMA, COLON, MINUS, SEMI,
        NEWLINE, EOF, OTHER
    }

    record Token(Kind kind, String text, int line) {
        boolean ends() {
            return kind == Kind.NEWLINE || kind == Kind.SEMI || kind == Kind.EOF;
        }
    }

    /** A malformed token; the reader adds the file name. */
    static final class Failure extends RuntimeException {
        final int line;

        Failure(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private final String src;
    private int pos;
    private int line = 1;
    private Token peeked;

    ScriptLexer(String src) {
        this.src = src;
        if (src.startsWith("#!")) {
            while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                pos++;
            }
        }
    }

    Token peek() {
        if (peeked == null) {
            peeked = scan();
        }
        return peeked;
    }

    Token next() {
        Token token = peek();
        peeked = null;
        return token;
    }

    /** Peeks at the next token that is not a line end, consuming the line ends before it. */
    Token peekSkippingNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            next();
        }
        return peek();
    }

    /** The next token that is not a line end (inside brackets and parentheses, lines may break anywhere). */
    Token nextSkippingNewlines() {
        Token token = next();
        while (token.kind() == Kind.NEWLINE) {
            token = next();
        }
        return token;
    }

    private Token scan() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            int start = line;
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '\\' && newlineAt(pos + 1)) {
                pos++;
                newline();
            } else if (newlineAt(pos)) {
                newline();
                return new Token(Kind.NEWLINE, "line end", start);
            } else if (c == '/' && charAt(pos + 1) == '/') {
                while (pos < src.length() && !newlineAt(pos)) {
                    pos++;
                }
            } else if (c == '/' && charAt(pos + 1) == '*') {
                if (blockComment(start)) {
                    return new Token(Kind.NEWLINE, "line end", start);
                }
            } else if (Character.isJavaIdentifierStart(c)) {
                int from = pos;
                while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
                    pos++;
                }
                return new Token(Kind.IDENT, src.substring(from, pos), start);
            } else if (c == '\'' || c == '"') {
                return string(c);
            } else if (c >= '0' && c <= '9') {
                return number(start);
            } else {
                pos++;
                return new Token(switch (c) {
                    case '[' -> Kind.LBRACKET;
                    case ']' -> Kind.RBRACKET;
                    case '(' -> Kind.LPAREN;
                    case ')' -> Kind.RPAREN;
                    case ',' -> Kind.COMMA;
                    case ';' -> Kind.SEMI;
                    case '{' -> Kind.LBRACE;
                    case '}' -> Kind.RBRACE;
                    case ':' -> Kind.COLON;
                    case '-' -> Kind.MINUS;
                    default -> Kind.OTHER;
                }, String.valueOf(c), start);
            }
        }
        return new Token(Kind.EOF, "end of file", line);
    }

    /**
     * Digits with an optional fraction, and whatever letters, digits or underscores follow (a suffix, a hex or
     * exponent form): the reader accepts only the plain forms and leaves the rest to Groovy.
     */
    private Token number(int start) {
        int from = pos;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (charAt(pos) == '.' && Character.isDigit(charAt(pos + 1))) {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        return new Token(Kind.NUMBER, src.substring(from, pos), start);
    }

    /** Skips a block comment; true when it spanned a line end, which then ends a statement like one. */
    private boolean blockComment(int start) {
        int startLine = line;
        pos += 2;
        while (pos < src.length()) {
            if (src.charAt(pos) == '*' && charAt(pos + 1) == '/') {
                pos += 2;
                return line > startLine;
            }
            if (newlineAt(pos)) {
                newline();
            } else {
                pos++;
            }
        }
        throw new Failure(start, "unterminated /* comment");
    }

    private Token string(char quote) {
        int start = line;
        boolean triple = charAt(pos + 1) == quote && charAt(pos + 2) == quote;
        pos += triple ? 3 : 1;
        boolean interpolated = false;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new Failure(start, "unterminated string");
            }
            char c = src.charAt(pos);
            if (c == quote && (!triple || (charAt(pos + 1) == quote && charAt(pos + 2) == quote))) {
                pos += triple ? 3 : 1;
                return new Token(interpolated ? Kind.GSTRING : Kind.STRING, value.toString(), start);
            }
            if (newlineAt(pos)) {
                if (!triple) {
                    throw new Failure(start, "unterminated string: use ''' for text over several lines");
                }
                newline();
                value.append('\n');
            } else if (c == '\\') {
                escape(value);
            } else {
                interpolated |= c == '$' && quote == '"';
                value.append(c);
                pos++;
            }
        }
    }

    private void escape(StringBuilder value) {
        char e = charAt(pos + 1);
        if (newlineAt(pos + 1)) {
            pos++;
            newline();
            return;
        }
        pos += 2;
        switch (e) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 's' -> value.append(' ');
            case '\\', '\'', '"', '$' -> value.append(e);
            case 'u' -> {
                while (charAt(pos) == 'u') {
                    pos++;
                }
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(charAt(pos + i), 16);
                    if (digit < 0) {
                        throw new Failure(line, "malformed \\u escape in a string");
                    }
                    code = code * 16 + digit;
                }
                pos += 4;
                value.append((char) code);
            }
            default -> {
                if (e < '0' || e > '7') {
                    throw new Failure(line, "unsupported escape \\" + e + " in a string");
                }
                int code = e - '0';
                int max = e <= '3' ? 2 : 1;
                for (int i = 0; i < max && charAt(pos) >= '0' && charAt(pos) <= '7'; i++) {
                    code = code * 8 + (src.charAt(pos++) - '0');
                }
                value.append((char) code);
            }
        }
    }

    private boolean newlineAt(int at) {
        char c = charAt(at);
        return c == '\n' || c == '\r';
    }

    /** Consumes one line end: \n, \r\n or \r. */
    private void newline() {
        if (src.charAt(pos) == '\r' && charAt(pos + 1) == '\n') {
            pos++;
        }
        pos++;
        line++;
    }

    private char charAt(int at) {
        return at < src.length() ? src.charAt(at) : '\0';
    }
}

package dev.retort.dsl.compile;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One migration script: the name it goes by in messages and locations (its path, or {@code classpath:dir/name.groovy})
 * and its content: a file ({@code path}, with its {@code stamp} as listed, read when asked), or an entry of a jar,
 * read while the jar was open for listing ({@code content}, with the stamp the jar's directory gave, or the
 * {@code failure} that reading it gave; null path).
 */
record ScriptFile(String name, Path path, HeaderIndex.Stamp stamp, byte[] content, IOException failure) {

    /** A file in a folder, with the stamp its listing gave. */
    static ScriptFile inFolder(String name, Path path, HeaderIndex.Stamp stamp) {
        return new ScriptFile(name, path, stamp, null, null);
    }

    /** An entry of a jar, with the bytes read from it and its stamp (null when the jar did not give one). */
    static ScriptFile inJar(String name, byte[] content, HeaderIndex.Stamp stamp) {
        return new ScriptFile(name, null, stamp, content, null);
    }

    /** An entry of a jar that could not be read: {@link #read()} reports it, as for a file. */
    static ScriptFile unreadableInJar(String name, IOException failure) {
        return new ScriptFile(name, null, null, null, failure);
    }

    /** The same script without the bytes of a jar entry, once its text is read and kept elsewhere. */
    ScriptFile withoutContent() {
        return content == null ? this : new ScriptFile(name, path, stamp, null, null);
    }

    /** The script's text, which must be UTF-8. */
    String read() {
        try {
            byte[] bytes = bytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) {
                return text; // the lenient decoder replaced nothing, so the text is valid (and this is much cheaper)
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RetortException(ErrorCode.SCRIPT, name + ":1: is not UTF-8 text");
        } catch (IOException e) {
            throw new RetortException(ErrorCode.SCRIPT, name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private byte[] bytes() throws IOException {
        if (path != null) {
            return Files.readAllBytes(path);
        }
        if (content == null) {
            throw failure != null ? failure : new IOException("its content was not kept");
        }
        return content;
    }
}

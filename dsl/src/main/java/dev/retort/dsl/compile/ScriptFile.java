package dev.retort.dsl.compile;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * One migration script: the name it goes by in messages and locations (its path, or {@code classpath:dir/name.groovy})
 * and its content: a file ({@code path}, with its {@code stamp} as listed, read when asked), or an entry of a jar,
 * read while the jar was open for listing ({@code content}, with the stamp the jar's directory gave, or the
 * {@code failure} that reading it gave; null path), or not read at all because its header was known
 * ({@code unread}: where to read it when it must run).
 */
record ScriptFile(String name, Path path, HeaderIndex.Stamp stamp, byte[] content, IOException failure,
                  JarEntryRef unread) {

    /** A jar entry left unread: the class-path folder it was listed from and its name in the jar. */
    record JarEntryRef(URL folder, String entry) {
    }

    /** A file in a folder, with the stamp its listing gave. */
    static ScriptFile inFolder(String name, Path path, HeaderIndex.Stamp stamp) {
        return new ScriptFile(name, path, stamp, null, null, null);
    }

    /** An entry of a jar, with the bytes read from it and its stamp (null when the jar did not give one). */
    static ScriptFile inJar(String name, byte[] content, HeaderIndex.Stamp stamp) {
        return new ScriptFile(name, null, stamp, content, null, null);
    }

    /** An entry of a jar whose header is known: read only if it must run. */
    static ScriptFile inJarUnread(String name, HeaderIndex.Stamp stamp, URL folder, String entry) {
        return new ScriptFile(name, null, stamp, null, null, new JarEntryRef(folder, entry));
    }

    /** An entry of a jar that could not be read: {@link #read()} reports it, as for a file. */
    static ScriptFile unreadableInJar(String name, IOException failure) {
        return new ScriptFile(name, null, null, null, failure, null);
    }

    /** The same script without the bytes of a jar entry, once its text is read and kept elsewhere. */
    ScriptFile withoutContent() {
        return content == null ? this : new ScriptFile(name, path, stamp, null, null, null);
    }

    /**
     * The scripts with the unread jar entries among them read, each jar opened once for all of its entries (opening
     * it per entry costs about half a millisecond each); the others as they are, in the same order.
     */
    static List<ScriptFile> readAll(List<ScriptFile> files) {
        // by the address's text: a URL's own equals may resolve host names
        Map<String, List<Integer>> byFolder = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).unread() != null) {
                byFolder.computeIfAbsent(files.get(i).unread().folder().toExternalForm(), f -> new ArrayList<>()).add(i);
            }
        }
        if (byFolder.isEmpty()) {
            return files;
        }
        List<ScriptFile> read = new ArrayList<>(files);
        for (Map.Entry<String, List<Integer>> folder : byFolder.entrySet()) {
            try (JarFile jar = openJar(files.get(folder.getValue().get(0)).unread().folder())) {
                for (int i : folder.getValue()) {
                    read.set(i, files.get(i).readFrom(jar));
                }
            } catch (IOException | RuntimeException e) {
                IOException failure = e instanceof IOException io ? io : new IOException(e.toString(), e);
                for (int i : folder.getValue()) {
                    read.set(i, unreadableInJar(files.get(i).name(), failure));
                }
            }
        }
        return read;
    }

    /**
     * This unread entry's bytes, if the entry still has the size and CRC-32 it was listed with: the jar could have
     * been replaced since (a redeployment), and then what was planned from its header is not what would run.
     */
    private ScriptFile readFrom(JarFile jar) {
        JarEntry entry = jar.getJarEntry(unread.entry());
        if (entry == null || !stamp.equals(HeaderIndex.Stamp.ofJarEntry(entry.getSize(), entry.getCrc()))) {
            return unreadableInJar(name, new IOException("it changed since it was listed; run the command again"));
        }
        return read(jar, entry, name, stamp);
    }

    /**
     * A jar entry's script, read now from a jar the caller has open; one that cannot be read becomes this script's
     * error, with its name, reported when its text is asked for.
     */
    static ScriptFile read(JarFile jar, JarEntry entry, String name, HeaderIndex.Stamp stamp) {
        try (InputStream in = jar.getInputStream(entry)) {
            return inJar(name, in.readAllBytes(), stamp);
        } catch (IOException e) {
            return unreadableInJar(name, e);
        } catch (RuntimeException e) {
            // a signed jar's check, a handler's own failure: still this script's error
            return unreadableInJar(name, new IOException(e.toString(), e));
        }
    }

    /**
     * The jar a {@code jar:} class-path folder lies in, opened for the caller alone (caching off, so closing it
     * closes nothing another reader holds).
     */
    static JarFile openJar(URL folder) throws IOException {
        JarURLConnection connection = (JarURLConnection) folder.openConnection();
        connection.setUseCaches(false);
        return connection.getJarFile();
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
            return readFile(path);
        }
        if (unread != null) {
            try (JarFile jar = openJar(unread.folder())) {
                return readFrom(jar).bytes();
            }
        }
        if (content == null) {
            throw failure != null ? failure : new IOException("its content was not kept");
        }
        return content;
    }

    /**
     * A whole file, read straight into an array of its size. {@code Files.readAllBytes} goes through a channel, a
     * stream over it and a temporary direct buffer: measured twice as slow for a thousand scripts on a cold JVM,
     * where a first upgrade reads every script it runs and the header index is one file of a megabyte. A file that
     * grows or shrinks while read gives what was read, as {@code Files.readAllBytes} does.
     */
    static byte[] readFile(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length > Integer.MAX_VALUE - 8) {
                throw new IOException(file + " is too large (" + length + " bytes)");
            }
            byte[] bytes = new byte[(int) length];
            int read = 0;
            while (read < bytes.length) {
                int n = in.read(bytes, read, bytes.length - read);
                if (n < 0) {
                    return Arrays.copyOf(bytes, read);
                }
                read += n;
            }
            int next = in.read();
            if (next < 0) {
                return bytes;
            }
            ByteArrayOutputStream grown = new ByteArrayOutputStream(bytes.length * 2);
            grown.write(bytes);
            grown.write(next);
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                grown.write(buffer, 0, n);
            }
            return grown.toByteArray();
        }
    }
}

package org.timbrelab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Every file and folder under a root with its content hash, to tell what a command changed. */
record DiskSnapshot(Map<String, String> entries) {

    static DiskSnapshot of(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (p.equals(root)) continue;
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) m.put(rel, "link:" + Files.readSymbolicLink(p));
                else if (Files.isDirectory(p)) m.put(rel + "/", "dir");
                else m.put(rel, hash(Files.readAllBytes(p)));
            }
        }
        return new DiskSnapshot(m);
    }

    /** Paths added, removed or modified since {@code before}. */
    Set<String> changedSince(DiskSnapshot before) {
        Set<String> changed = new TreeSet<>();
        for (Map.Entry<String, String> e : entries.entrySet())
            if (!e.getValue().equals(before.entries.get(e.getKey()))) changed.add(e.getKey());
        for (String k : before.entries.keySet()) if (!entries.containsKey(k)) changed.add(k);
        return changed;
    }

    private static String hash(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

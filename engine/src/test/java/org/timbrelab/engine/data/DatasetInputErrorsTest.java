package org.timbrelab.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Bad folders fail with clear messages; bad files among good ones are skipped with a warning naming them. */
class DatasetInputErrorsTest {

    @TempDir Path tmp;

    private DomainDataset open(Path dir, List<String> warnings) {
        return DomainDataset.open(dir, new FakeFeatures("k", 1.0, false), tmp.resolve("cache"),
                DomainDatasetCacheTest.warningsTo(warnings));
    }

    @Test void emptyFolderIsAClearError() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        DatasetException e = assertThrows(DatasetException.class, () -> open(dir, new ArrayList<>()));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test void missingFolderIsAClearError() {
        Path dir = tmp.resolve("nope");
        DatasetException e = assertThrows(DatasetException.class, () -> open(dir, new ArrayList<>()));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test void folderWithOnlyNonAudioFilesIsAClearError() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(dir.resolve("notes.txt"), "hello");
        Files.writeString(dir.resolve("cover.png"), "not really");
        Files.createDirectories(dir.resolve(".cache"));
        Files.writeString(dir.resolve(".cache/hidden.wav"), "2.0 100"); // hidden folders are not searched
        DatasetException e = assertThrows(DatasetException.class, () -> open(dir, new ArrayList<>()));
        assertTrue(e.getMessage().contains("no audio files") && e.getMessage().contains("notes.txt"), e.getMessage());
    }

    @Test void corruptFileAmongGoodOnesIsSkippedWithAWarningNamingIt() throws Exception {
        Path dir = tmp.resolve("mixed");
        FakeFeatures.write(dir.resolve("good1.wav"), 1.0, 100);
        FakeFeatures.write(dir.resolve("good2.wav"), 2.0, 100);
        Files.writeString(dir.resolve("broken.wav"), "garbage");
        List<String> warnings = new ArrayList<>();
        DomainDataset d = open(dir, warnings);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(dir.resolve("broken.wav").toString()), warnings.get(0));
        assertEquals(List.of("broken.wav"), List.copyOf(d.skippedFiles().keySet()));
        assertEquals(3.0, d.totalSeconds(), 1e-9);
        assertEquals(List.of("good1.wav", "good2.wav"), d.all().files());

        warnings.clear();
        DomainDataset cached = open(dir, warnings);
        assertTrue(cached.loadedFromCache());
        assertEquals(1, warnings.size(), "a cached run still warns: " + warnings);
    }

    @Test void silentFilesAndFilesWhoseFeaturesFailAreSkippedToo() throws Exception {
        Path dir = tmp.resolve("mixed2");
        FakeFeatures.write(dir.resolve("good.wav"), 1.0, 100);
        FakeFeatures.write(dir.resolve("silent.wav"), 0.0, 100);
        FakeFeatures.write(dir.resolve("fails.wav"), 2.0, -1);
        List<String> warnings = new ArrayList<>();
        DomainDataset d = open(dir, warnings);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("silent.wav") && w.contains("silent")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("fails.wav") && w.contains("fake extractor fail")), warnings.toString());
        assertEquals(List.of("good.wav"), d.all().files());
        assertEquals(d.chunks().size(), d.all().size());
        assertTrue(d.chunks().stream().allMatch(c -> c.file().equals("good.wav")), "no chunk of a failed file was kept");
    }

    @Test void symbolicLinksToFoldersAreFollowed() throws Exception {
        Path shared = tmp.resolve("shared");
        FakeFeatures.write(shared.resolve("takes/a.wav"), 1.0, 100);
        FakeFeatures.write(tmp.resolve("other/b.wav"), 1.0, 100);
        Path link;
        try {
            link = Files.createSymbolicLink(tmp.resolve("link"), shared);
            Files.createSymbolicLink(shared.resolve("more"), tmp.resolve("other"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("this file system has no symbolic links: " + e);
            return;
        }
        DomainDataset d = open(link, new ArrayList<>());
        assertEquals(List.of("more/b.wav", "takes/a.wav"), d.all().files());
    }

    @Test void aLinkLoopIsAClearError() throws Exception {
        Path dir = tmp.resolve("loop");
        FakeFeatures.write(dir.resolve("a.wav"), 1.0, 100);
        try {
            Files.createSymbolicLink(dir.resolve("again"), dir);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("this file system has no symbolic links: " + e);
        }
        DatasetException e = assertThrows(DatasetException.class, () -> open(dir, new ArrayList<>()));
        assertTrue(e.getMessage().contains("loops back"), e.getMessage());
    }

    @Test void onlyCorruptFilesIsAClearError() throws Exception {
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("x.wav"), "garbage");
        DatasetException e = assertThrows(DatasetException.class, () -> open(dir, new ArrayList<>()));
        assertTrue(e.getMessage().contains("no usable audio") && e.getMessage().contains("1 of 1"), e.getMessage());
    }
}

package org.timbrelab.engine.labs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.ColorMap;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.engine.data.DomainDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exploring a trained Lab 4 VAE: one latent point per note (μ of the note's first crop, onset
 * included), a PCA of those points coloured by pitch and by instrument, and decoded walks
 * between two notes turned back into audio.
 */
public final class SpectralLab {

    /** A note's latent point and its labels. */
    public record NotePoint(String instrument, String file, int pitch, float[] mu) { }

    private static final Pattern NSYNTH_NOTE = Pattern.compile("-(\\d{3})-(\\d{3})\\.wav$");

    private SpectralLab() { }

    /** Instrument label of a domain folder: its name, or its parent's when the folder is the renderer's "notes". */
    public static String instrumentOf(DomainDataset d) {
        java.nio.file.Path p = d.source().toAbsolutePath().normalize();
        String name = p.getFileName().toString();
        return name.equals("notes") && p.getParent() != null ? p.getParent().getFileName().toString() : name;
    }

    /** MIDI pitch from an NSynth-style file name ("…-060-100.wav"), or -1. */
    public static int pitchOf(String file) {
        Matcher m = NSYNTH_NOTE.matcher(file);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The first crop of every file's first chunk, as bin-major (mels × frames) images; shorter chunks padded with −1. */
    public static float[] firstCrop(DomainDataset d, int chunk, int frames) {
        Spectrogram s = d.spectrogram(chunk);
        float[] out = new float[s.bins() * frames];
        java.util.Arrays.fill(out, -1f);
        int n = Math.min(frames, s.frames());
        for (int b = 0; b < s.bins(); b++) System.arraycopy(s.values(), b * s.frames(), out, b * frames, n);
        return out;
    }

    /** Latent points of every note (first chunk of each file) of every domain. */
    public static List<NotePoint> notePoints(SpectralVaeRecipe r, NDManager parent) {
        List<NotePoint> out = new ArrayList<>();
        SpectralVae vae = r.model();
        for (DomainDataset d : r.domains()) {
            String inst = instrumentOf(d);
            List<Integer> firstChunks = new ArrayList<>();
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int i = 0; i < d.chunks().size(); i++) if (seen.add(d.chunks().get(i).fileIndex())) firstChunks.add(i);
            int batch = 32;
            for (int from = 0; from < firstChunks.size(); from += batch) {
                int n = Math.min(batch, firstChunks.size() - from);
                float[] x = new float[n * vae.mels() * vae.frames()];
                for (int k = 0; k < n; k++) {
                    System.arraycopy(firstCrop(d, firstChunks.get(from + k), vae.frames()), 0, x, k * vae.mels() * vae.frames(),
                            vae.mels() * vae.frames());
                }
                try (NDManager m = parent.newSubManager()) {
                    float[] mu = vae.encode(m.create(x, new Shape(n, 1, vae.mels(), vae.frames())))[0].toFloatArray();
                    for (int k = 0; k < n; k++) {
                        String file = d.chunks().get(firstChunks.get(from + k)).file();
                        out.add(new NotePoint(inst, file, pitchOf(file),
                                java.util.Arrays.copyOfRange(mu, k * vae.latent(), (k + 1) * vae.latent())));
                    }
                }
            }
        }
        return out;
    }

    /** Projects points onto their first two principal components (power iteration with deflation). */
    public static double[][] pca2(List<float[]> points) {
        int n = points.size(), dim = points.get(0).length;
        double[] mean = new double[dim];
        for (float[] p : points) for (int j = 0; j < dim; j++) mean[j] += p[j] / n;
        double[][] cov = new double[dim][dim];
        for (float[] p : points) {
            for (int a = 0; a < dim; a++) {
                double da = p[a] - mean[a];
                for (int b = 0; b < dim; b++) cov[a][b] += da * (p[b] - mean[b]) / Math.max(1, n - 1);
            }
        }
        double[][] axes = new double[2][];
        for (int k = 0; k < 2; k++) {
            double[] v = new double[dim];
            for (int j = 0; j < dim; j++) v[j] = 1.0 / Math.sqrt(dim) + 1e-3 * j;
            double lambda = 0;
            for (int it = 0; it < 500; it++) {
                double[] w = new double[dim];
                for (int a = 0; a < dim; a++) for (int b = 0; b < dim; b++) w[a] += cov[a][b] * v[b];
                double norm = 0;
                for (double x : w) norm += x * x;
                norm = Math.sqrt(norm);
                if (norm == 0) break;
                for (int a = 0; a < dim; a++) v[a] = w[a] / norm;
                lambda = norm;
            }
            axes[k] = v;
            for (int a = 0; a < dim; a++) for (int b = 0; b < dim; b++) cov[a][b] -= lambda * v[a] * v[b];
        }
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 2; k++) {
                double s = 0;
                for (int j = 0; j < dim; j++) s += (points.get(i)[j] - mean[j]) * axes[k][j];
                out[i][k] = s;
            }
        }
        return out;
    }

    private static final Color[] CATEGORY = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    /** Two scatter panels of the same PCA: coloured by MIDI pitch (colour bar) and by instrument (legend). */
    public static BufferedImage scatter(List<NotePoint> pts) {
        List<float[]> mus = new ArrayList<>();
        for (NotePoint p : pts) mus.add(p.mu());
        double[][] xy = pca2(mus);
        List<String> instruments = pts.stream().map(NotePoint::instrument).distinct().toList();
        int minP = pts.stream().mapToInt(NotePoint::pitch).filter(p -> p >= 0).min().orElse(0);
        int maxP = pts.stream().mapToInt(NotePoint::pitch).max().orElse(127);
        int w = 520, h = 480;
        BufferedImage img = new BufferedImage(2 * w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[] p : xy) {
            minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]);
        }
        for (int panel = 0; panel < 2; panel++) {
            int ox = panel * w, left = ox + 40, right = ox + w - 90, top = 40, bottom = h - 40;
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(panel == 0 ? "note latents (PCA) by pitch" : "note latents (PCA) by instrument", left, 24);
            g.setColor(Color.GRAY);
            g.drawRect(left, top, right - left, bottom - top);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString("PC 1", (left + right) / 2, bottom + 16);
            g.drawString("PC 2", ox + 6, (top + bottom) / 2);
            for (int i = 0; i < pts.size(); i++) {
                int px = (int) (left + 4 + (xy[i][0] - minX) / Math.max(1e-9, maxX - minX) * (right - left - 8));
                int py = (int) (bottom - 4 - (xy[i][1] - minY) / Math.max(1e-9, maxY - minY) * (bottom - top - 8));
                Color c = panel == 0
                        ? new Color(ColorMap.VIRIDIS.rgb(pts.get(i).pitch() < 0 ? 0 : (pts.get(i).pitch() - minP) / (double) Math.max(1, maxP - minP)))
                        : CATEGORY[instruments.indexOf(pts.get(i).instrument()) % CATEGORY.length];
                g.setColor(c);
                g.fillOval(px - 3, py - 3, 7, 7);
            }
            if (panel == 0) {
                for (int y = top; y < bottom; y++) {
                    g.setColor(new Color(ColorMap.VIRIDIS.rgb((bottom - y) / (double) (bottom - top))));
                    g.drawLine(right + 20, y, right + 34, y);
                }
                g.setColor(Color.BLACK);
                g.drawString("MIDI " + maxP, right + 38, top + 10);
                g.drawString("MIDI " + minP, right + 38, bottom);
            } else {
                for (int k = 0; k < instruments.size(); k++) {
                    g.setColor(CATEGORY[k % CATEGORY.length]);
                    g.fillOval(right + 12, top + 10 + 18 * k - 6, 8, 8);
                    g.setColor(Color.BLACK);
                    g.drawString(instruments.get(k), right + 24, top + 12 + 18 * k);
                }
            }
        }
        g.setStroke(new BasicStroke(1));
        g.dispose();
        return img;
    }

    /**
     * Decodes {@code steps} points on the path from a's code to b's code and lays the decoded crops
     * end to end, so the result plays a morph from note a to note b.
     */
    public static Spectrogram interpolate(SpectralVaeRecipe r, NDManager parent, float[] muA, float[] muB,
                                          LatentPaths.Mode mode, int steps) {
        SpectralVae vae = r.model();
        float[] z = new float[steps * vae.latent()];
        for (int s = 0; s < steps; s++) {
            System.arraycopy(LatentPaths.at(mode, muA, muB, s / (double) (steps - 1)), 0, z, s * vae.latent(), vae.latent());
        }
        float[] dec;
        try (NDManager m = parent.newSubManager()) {
            NDArray out = vae.decode(m.create(z, new Shape(steps, vae.latent())));
            dec = out.toFloatArray();
        }
        int mels = vae.mels(), t = vae.frames(), total = steps * t;
        float[] v = new float[mels * total];
        for (int s = 0; s < steps; s++) {
            for (int b = 0; b < mels; b++) System.arraycopy(dec, s * mels * t + b * t, v, b * total + s * t, t);
        }
        return new Spectrogram(v, mels, total, r.domains().get(0).config());
    }

    /** Audio of a spectrogram through the dsp layer (PGHI phase). */
    public static AudioClip toAudio(Spectrogram s) {
        return new AudioTransform(s.config()).invert(s);
    }

    static String describe(NotePoint p) {
        return String.format(Locale.ROOT, "%s %s (MIDI %d)", p.instrument(), p.file(), p.pitch());
    }
}
